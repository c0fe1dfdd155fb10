import { createTranslator, type Language, type TranslationKey, type TranslationParams } from '../../i18n';

/** What the UI shows for a failure: a message in the user's language and what support needs. */
export interface ErrorDescription {
  message: string;
  /** Graph's request-id, when the failure came from Graph (or the emulator). */
  requestId?: string;
  /** Graph's error code (e.g. `itemNotFound`) or an app error code. */
  code?: string;
  /** The Graph pipeline's error kind (`network`, `throttled`, …), when present. */
  kind?: string;
}

function stringProp(value: object, name: string): string | undefined {
  const prop = (value as Record<string, unknown>)[name];
  return typeof prop === 'string' && prop !== '' ? prop : undefined;
}

/** A `Message` (`{ key, values }`) under `userMessage`, in the reader's language; null when it is none. */
function keyedText(text: object, language: Language): string | undefined {
  const key = stringProp(text, 'key');
  if (!key) return undefined;
  const values = (text as { values?: unknown }).values;
  try {
    return createTranslator(language)(key as TranslationKey, typeof values === 'object' && values !== null ? (values as TranslationParams) : undefined);
  } catch {
    return undefined;
  }
}

/** The user-facing text under `userMessage` (a keyed `AppMessage`), on the error or its causes. */
function userText(error: object, language: Language): string | undefined {
  const seen = new Set<object>();
  for (let node: unknown = error; typeof node === 'object' && node !== null && !seen.has(node); node = (node as { cause?: unknown }).cause) {
    seen.add(node);
    const text = (node as Record<string, unknown>).userMessage;
    const value = typeof text === 'object' && text !== null ? keyedText(text, language) : undefined;
    if (value) return value;
  }
  return undefined;
}

/**
 * Reads any thrown value without losing what it carries. Errors from src/graph carry no words, only
 * `requestId`, `code` and `kind` (the UI names the kind: `error.kinds.<kind>`) and Graph's own message;
 * sign-in and app errors carry a `userMessage` (`{ key, values }`, also when wrapped as a `cause`), whose
 * translation wins over the technical message.
 */
export function describeError(error: unknown, language: Language): ErrorDescription | null {
  if (error === null || error === undefined) return null;
  if (typeof error !== 'object') return { message: String(error) };
  const message = userText(error, language) ?? stringProp(error, 'message') ?? '';
  const requestId = stringProp(error, 'requestId');
  const code = stringProp(error, 'code');
  const kind = stringProp(error, 'kind');
  return {
    message,
    ...(requestId ? { requestId } : {}),
    ...(code ? { code } : {}),
    ...(kind ? { kind } : {}),
  };
}
