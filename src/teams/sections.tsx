import type { ReactNode } from 'react';
import type { AppConfig } from '../config';
import type { HostInfo } from '../host';
import type { TranslationKey } from '../i18n';
import { EvidenceTable, type AppServices, type Profile } from '../ui';

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
  { id: 'evidence', label: 'panel.title', render: () => <EvidenceTable items={[]} /> },
];

/** The section named by `?view=`, else the first. */
export function sectionFor(view: string | null, sections: readonly TabSection[] = TAB_SECTIONS): TabSection {
  const first = sections[0];
  if (!first) throw new Error('The Teams tab has no sections.');
  return sections.find((s) => s.id === view) ?? first;
}
