import { lazy, type ReactNode } from 'react';
import type { AppConfig } from '../config';
import type { HostInfo } from '../host';
import type { TranslationKey } from '../i18n';
import type { AppServices, Profile } from '../ui';

// Each section is its own chunk, loaded when it is shown (TabPage wraps it in Suspense with a
// labelled spinner): the tab's first load carries only the shell (docs/architecture.md, "First load").
const DashboardSection = lazy(() => import('./dashboard/DashboardSection').then((m) => ({ default: m.DashboardSection })));
const PanelSection = lazy(() => import('./panel/PanelSection').then((m) => ({ default: m.PanelSection })));
const ReviewsSection = lazy(() => import('./reviews/ReviewsSection').then((m) => ({ default: m.ReviewsSection })));
const OutlookEvidenceSection = lazy(() => import('../outlook/OutlookEvidenceSection').then((m) => ({ default: m.OutlookEvidenceSection })));
const SetupSection = lazy(() => import('./setup/SetupSection').then((m) => ({ default: m.SetupSection })));

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
  { id: 'outlook', label: 'outlook.title', render: ({ services, profile, config }) => <OutlookEvidenceSection services={services} mailbox={profile.user.userPrincipalName} config={config} /> },
  // Site owners set up the evidence site here (issue 11); for everyone else SharePoint refuses the changes.
  { id: 'setup', label: 'setup.section.title', render: (props) => <SetupSection {...props} /> },
];

/** The section named by `?view=`, else the first. */
export function sectionFor(view: string | null, sections: readonly TabSection[] = TAB_SECTIONS): TabSection {
  const first = sections[0];
  if (!first) throw new Error('The Teams tab has no sections.');
  return sections.find((s) => s.id === view) ?? first;
}
