/** The evidence list and library on the customer's SharePoint site (issue 3). */
export * from './evidenceSchema';
export * from './listNames';
export { fromEvidenceListItem, toEvidenceFields, toReviewFields, odataString } from './evidenceFields';
export type { EvidenceReadResult, EvidenceRecord, EvidenceWriteExtras } from './evidenceFields';
export * from './evidenceGateway';
