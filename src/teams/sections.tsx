import type { ReactNode } from 'react';
import type { AppConfig } from '../config';
import type { HostInfo } from '../host';
import type { TranslationKey } from '../i18n';
import type { AppServices, Profile } from '../ui';
import { DashboardSection } from './dashboard/DashboardSection';
import { PanelSection } from './panel/PanelSection';
import { ReviewsSection } from './reviews/ReviewsSection';
import { SweepPanel } from '../outlook/SweepPanel';

/** What a section of the Teams tab gets to work with. */
export interface SectionProps {
  services: AppServices;
  profile: Profile;
  host: HostInfo;
  config: AppConfig;
}

/**
 * One view of the Teams tab (`/teams/?view=<id>`). Each feature adds its section here and keeps
 * its component in its own folder.
 */
export interface TabSection {
  id: string;
  label: TranslationKey;
  render: (props: SectionProps) => ReactNode;
}

export const TAB_SECTIONS: readonly TabSection[] = [
  // The personal tab opens `?view=dashboard`; the team tab's configuration page `?view=evidence`.
  { id: 'dashboard', label: 'dashboard.title', render: (props) => <DashboardSection {...props} sectionIds={TAB_SECTIONS.map((s) => s.id)} /> },
  { id: 'evidence', label: 'panel.title', render: (props) => <PanelSection {...props} /> },
  { id: 'reviews', label: 'reviews.title', render: (props) => <ReviewsSection {...props} /> },
  { id: 'outlook', label: 'outlook.title', render: ({ services, profile }) => <SweepPanel services={services} mailbox={profile.user.userPrincipalName} auto /> },
];

/** The section named by `?view=`, else the first. */
export function sectionFor(view: string | null, sections: readonly TabSection[] = TAB_SECTIONS): TabSection {
  const first = sections[0];
  if (!first) throw new Error('The Teams tab has no sections.');
  return sections.find((s) => s.id === view) ?? first;
}
