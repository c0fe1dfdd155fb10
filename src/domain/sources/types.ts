/**
 * What one evidence source declares: the evidence types it produces, where its items come from
 * (source values with their source-key kind), the tab section where it is worked with, and its
 * texts (one de/en JSON pair in its folder, mounted under `sources.<id>`).
 */
import type { ChecklistItemId } from '../checklistItems';
import type { ClauseId } from '../clauses';
import type { FreshnessCategory } from '../freshnessSettings';

/** The Teams tab section where a source's evidence is made (src/teams/sections.tsx checks the ids). */
export type SourceSection = 'dashboard' | 'evidence' | 'reviews' | 'outlook';

/** Fields an item of a type must carry. */
export type RequiredField = 'signedBy' | 'appointee' | 'scheduledFor' | 'author';

export interface EvidenceTypeSpec {
  /** Clauses this kind of evidence supports by default. */
  readonly clauses: readonly ClauseId[];
  readonly freshness: FreshnessCategory;
  /** The seed checklist item it counts for; null when it supports other checks only. */
  readonly checklistItem: ChecklistItemId | null;
  readonly requires?: readonly RequiredField[];
  /** Offered as an upload form in the evidence panel. */
  readonly upload?: true;
}

/** Shape of a source's locale file: a label per origin and per evidence type. */
export interface SourceTexts {
  readonly label: string;
  readonly origins: Readonly<Record<string, string>>;
  readonly types: Readonly<Record<string, string>>;
}

export interface SourceModule {
  /** Namespace of its texts (`sources.<id>`). */
  readonly id: string;
  readonly texts: { readonly de: SourceTexts; readonly en: SourceTexts };
  /** Values of the item's `source` (the EvidenceSource choice) and the source-key kind each uses. */
  readonly origins: Readonly<Record<string, string>>;
  /** Evidence types this source defines, in the order the UI lists them. */
  readonly types: Readonly<Record<string, EvidenceTypeSpec>>;
  readonly section: SourceSection;
}
