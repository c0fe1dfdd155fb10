/**
 * The message being written on the development compose page: what Outlook keeps for a compose
 * item (recipients, subject, HTML body, categories, internet headers, the add-in's custom
 * properties). The compose window edits it; the Office.js stand-in (officeStandIn.ts) reads and
 * changes it as Office.js changes Outlook's item. Development only (never in a production build).
 */

export interface DraftState {
  /** Addresses as typed, separated by `;` or `,`. */
  to: string;
  cc: string;
  subject: string;
  bodyHtml: string;
  categories: string[];
  /** Internet headers the add-in set (lower-case names). */
  headers: Record<string, string>;
  /** The add-in's custom properties after `saveAsync`. */
  customProperties: Record<string, string>;
}

export interface ComposeDraft {
  get(): DraftState;
  update(change: (state: DraftState) => DraftState): void;
  subscribe(listener: () => void): () => void;
  /**
   * Inserts HTML where the cursor was last in the body (replacing a selection), as Outlook's
   * `body.setSelectedDataAsync` does; the body editor registers how. Without an editor: at the end.
   */
  insertHtml(html: string): void;
  setBodyInserter(inserter: ((html: string) => void) | undefined): void;
  /** A new, empty message (after Send). */
  reset(): void;
}

export function emptyDraft(): DraftState {
  return { to: '', cc: '', subject: '', bodyHtml: '', categories: [], headers: {}, customProperties: {} };
}

export function createComposeDraft(initial: DraftState = emptyDraft()): ComposeDraft {
  let state = initial;
  let inserter: ((html: string) => void) | undefined;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((listener) => listener());
  const draft: ComposeDraft = {
    get: () => state,
    update: (change) => {
      state = change(state);
      emit();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    insertHtml: (html) => {
      if (inserter) inserter(html);
      else draft.update((s) => ({ ...s, bodyHtml: s.bodyHtml + html }));
    },
    setBodyInserter: (next) => {
      inserter = next;
    },
    reset: () => {
      state = emptyDraft();
      emit();
    },
  };
  return draft;
}

/** The addresses typed into To or Cc. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
