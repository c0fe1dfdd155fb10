/**
 * Validation messages for evidence items, by key (texts: locales/validation.*.json, `validation.<key>`).
 * Schemas carry the key; callers show the text.
 */
import { domainDe, domainEn } from './locales';
import { templateIn } from './messageWords';
import { message, type LeafPaths, type Localized, type Message, type MessageValues } from './text';

export type EvidenceMessageKey = LeafPaths<(typeof domainEn)['validation']>;

const english = templateIn(domainEn.validation);

export function isEvidenceMessageKey(key: string): key is EvidenceMessageKey {
  return english(key) !== undefined;
}

/** The validation message of an issue key, with its values. */
export function evidenceIssueMessage(key: EvidenceMessageKey, values?: MessageValues): Message {
  return message(`validation.${key}`, values);
}

const german = templateIn(domainDe.validation);

const leafKeys = (node: object, prefix = ''): string[] =>
  Object.entries(node).flatMap(([name, value]) => (typeof value === 'string' ? [`${prefix}${name}`] : leafKeys(value as object, `${prefix}${name}.`)));

/**
 * Bridge for `EvidenceIssue.message` (still `{ de, en }` in evidence.ts until that file moves to
 * `evidenceIssueMessage`): the same texts, read from the locale files. Goes with `Localized`.
 */
export const EVIDENCE_MESSAGES = Object.fromEntries(
  leafKeys(domainEn.validation).map((key) => [key, { de: german(key) ?? key, en: english(key) ?? key }]),
) as Record<EvidenceMessageKey, Localized>;
