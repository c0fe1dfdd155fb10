/** The evidence list and library on the customer's SharePoint site (issue 3). */
export * from './evidenceSchema';
export * from './listNames';
export { fromEvidenceListItem, toEvidenceFields, toReviewFields } from './evidenceFields';
export type { EvidenceReadResult, EvidenceWrite, EvidenceWriteExtras } from './evidenceFields';
export type { EvidenceListQuery } from './evidenceQuery';
export * from './evidenceFiles';
export { evidenceVersionChange, isEvidenceReviewColumn, type EvidenceVersionChange } from './evidenceVersions';
export * from './evidenceGateway';
