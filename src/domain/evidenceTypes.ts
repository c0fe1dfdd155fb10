/**
 * The kinds of evidence Chefsache collects, the clauses each supports (DOMAIN.md's mapping),
 * how long it counts as current and which checklist item it counts for: derived from the sources
 * registered in src/domain/sources/registry.ts.
 */
import { z } from 'zod';
import type { ChecklistItemId } from './checklistItems';
import type { ClauseId } from './clauses';
import type { FreshnessCategory } from './freshnessSettings';
import { SOURCE_MODULES, type EvidenceTypeId, type SourceModuleId } from './sources/registry';
import type { EvidenceTypeSpec, RequiredField } from './sources/types';
import type { DomainMessageKey } from './text';

export type { EvidenceTypeId, UploadEvidenceTypeId } from './sources/registry';

export interface EvidenceType {
  id: EvidenceTypeId;
  /** The source that defines it (src/domain/sources). */
  source: SourceModuleId;
  /** Text key of its label (`sources.<source>.types.<id>`). */
  label: DomainMessageKey;
  /** Clauses this kind of evidence supports by default. */
  clauses: readonly ClauseId[];
  freshness: FreshnessCategory;
  /** The seed checklist item it counts for; null when it supports other checks only. */
  checklistItem: ChecklistItemId | null;
  /** Fields an item of this type must carry. */
  requires: readonly RequiredField[];
  /** Offered as an upload form in the evidence panel. */
  upload: boolean;
}

/** Every evidence type, source by source in the registry's order. */
export const EVIDENCE_TYPES: readonly EvidenceType[] = SOURCE_MODULES.flatMap((source) =>
  Object.entries(source.types as Readonly<Record<string, EvidenceTypeSpec>>).map(([id, spec]) => ({
    id: id as EvidenceTypeId,
    source: source.id,
    label: `sources.${source.id}.types.${id}` as DomainMessageKey,
    clauses: spec.clauses,
    freshness: spec.freshness,
    checklistItem: spec.checklistItem,
    requires: spec.requires ?? [],
    upload: spec.upload === true,
  })),
);

export const EVIDENCE_TYPE_IDS = EVIDENCE_TYPES.map((type) => type.id) as [EvidenceTypeId, ...EvidenceTypeId[]];

export const EvidenceTypeIdSchema = z.enum(EVIDENCE_TYPE_IDS, { error: 'evidence.type.unknown' });

const byId = new Map<EvidenceTypeId, EvidenceType>(EVIDENCE_TYPES.map((type) => [type.id, type]));

export function evidenceTypeById(id: EvidenceTypeId): EvidenceType {
  const type = byId.get(id);
  if (!type) throw new RangeError(`Unknown evidence type "${id}".`);
  return type;
}

export function isEvidenceTypeId(value: string): value is EvidenceTypeId {
  return byId.has(value as EvidenceTypeId);
}

/** The evidence types that count for a checklist item. */
export function evidenceTypesFor(item: ChecklistItemId): EvidenceType[] {
  return EVIDENCE_TYPES.filter((type) => type.checklistItem === item);
}
