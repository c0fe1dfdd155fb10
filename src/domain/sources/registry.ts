/**
 * Every evidence source Chefsache knows, one line each. The evidence types and their labels, the
 * source values and source-key kinds, default clauses, freshness, tab sections, the texts under
 * `sources.<id>` and the SharePoint choice values all derive from this list (docs/architecture.md,
 * "Add an evidence source").
 */
import { acknowledgementSource } from './acknowledgement';
import { mailSource } from './mail';
import { meetingsSource } from './meetings';
import { minutesSource } from './minutes';
import type { SourceModule } from './types';
import { uploadSource } from './upload';

export const SOURCE_MODULES = [
  uploadSource,
  minutesSource,
  meetingsSource,
  mailSource,
  acknowledgementSource,
] as const satisfies readonly SourceModule[];

type Module = (typeof SOURCE_MODULES)[number];

export type SourceModuleId = Module['id'];
/** `outlook`, `teamsMeeting`, `upload` …: the values of an item's `source`. */
export type EvidenceSource = { [M in Module as M['id']]: keyof M['origins'] & string }[SourceModuleId];
export type EvidenceTypeId = { [M in Module as M['id']]: keyof M['types'] & string }[SourceModuleId];
/** Types offered as an upload form in the evidence panel (`upload: true`). */
export type UploadEvidenceTypeId = {
  [M in Module as M['id']]: { [T in keyof M['types']]: M['types'][T] extends { readonly upload: true } ? T : never }[keyof M['types']] & string;
}[SourceModuleId];
export type SourceKeyKind = { [M in Module as M['id']]: M['origins'][keyof M['origins']] }[SourceModuleId];

/** The texts of every source, by source id: mounted under `sources` by src/domain/locales. */
export type SourceMessages = { [M in Module as M['id']]: M['texts']['en'] };

function textsIn(language: 'de' | 'en'): SourceMessages {
  return Object.fromEntries(SOURCE_MODULES.map((m) => [m.id, m.texts[language]])) as SourceMessages;
}

export const sourceMessagesEn = textsIn('en');
export const sourceMessagesDe = textsIn('de');
