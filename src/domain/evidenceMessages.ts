/**
 * Validation messages for evidence items, by key (texts: locales/validation.*.json, `validation.<key>`).
 * Schemas carry the key; callers show the text.
 */
import { domainEn } from './locales';
import { templateIn } from './messageWords';
import { message, type LeafPaths, type Message, type MessageValues } from './text';

export type EvidenceMessageKey = LeafPaths<(typeof domainEn)['validation']>;

const english = templateIn(domainEn.validation);

export function isEvidenceMessageKey(key: string): key is EvidenceMessageKey {
  return english(key) !== undefined;
}

/** The validation message of an issue key, with its values. */
export function evidenceIssueMessage(key: EvidenceMessageKey, values?: MessageValues): Message {
  return message(`validation.${key}`, values);
}
