/**
 * A stand-in for the part of Office.js Chefsache uses, so the REAL task pane (src/outlook) and the
 * REAL on-send handler (src/outlook/runtime.ts) run on a development page without Outlook.
 * Development only: /dev/outlook.html is never built, packaged or named in the manifest.
 *
 * Simulated (compose mode of Outlook on the web, requirement set Mailbox 1.8+):
 * - `Office.onReady()` → `{ host: 'Outlook' }`; `context.displayLanguage`, `context.officeTheme`;
 * - `context.mailbox.userProfile` (the demo user signed in on the page), `convertToRestId` (identity);
 * - `context.mailbox.masterCategories.getAsync/addAsync` (in memory, per mailbox, for this page);
 * - `context.mailbox.item`: `subject.getAsync`, `body.getAsync('html'|'text')`,
 *   `body.setSelectedDataAsync` (HTML at the cursor), `to/cc/bcc.getAsync` (addresses resolved
 *   against the directory like Outlook's recipient well: user, distribution list, external),
 *   `categories.getAsync/addAsync/removeAsync`, `internetHeaders.getAsync/setAsync/removeAsync`,
 *   `loadCustomPropertiesAsync` → `get/set/remove/saveAsync`;
 * - `Office.actions.associate` and the `messageSending` event: `send()` runs the associated
 *   handler with an event whose `completed({ allowEvent })` decides whether the mail goes out.
 *
 * Not simulated: read mode, appointments, attachments, dialogs, `Office.auth`/nested app auth,
 * Smart Alerts' prompt UI (`errorMessage` is only returned), send-mode timeouts, the classic
 * Outlook JavaScript-only runtime, and custom properties travelling with the sent copy (Outlook
 * keeps them as a MAPI property of the item; the Graph send here carries category and headers).
 */
import type { ComposeDraft } from './composeDraft';
import { splitAddresses } from './composeDraft';

export interface MailboxUser {
  displayName: string;
  emailAddress: string;
}

/** What Outlook's recipient well knows about an address after resolving it. */
export interface ResolvedRecipient {
  displayName: string;
  emailAddress: string;
  recipientType: 'user' | 'distributionList' | 'group' | 'externalUser' | 'other';
}

export interface StandInOptions {
  draft: ComposeDraft;
  displayLanguage: string;
  resolveRecipient(address: string): Promise<ResolvedRecipient>;
}

/** What the add-in's on-send handler told Outlook (`event.completed(options)`). */
export interface SendDecision {
  allowEvent: boolean;
  errorMessage?: string;
}

export interface OfficeStandIn {
  /** The object installed as `globalThis.Office`. */
  office: unknown;
  setUser(user: MailboxUser | undefined): void;
  /** Fires `messageSending`: runs the associated handler and waits for `event.completed`. Without a handler: allowed. */
  send(actionId: string): Promise<SendDecision>;
}

type Callback<T> = (result: { status: 'succeeded' | 'failed'; value: T; error?: { name: string; message: string; code: number } }) => void;

function succeed<T>(callback: Callback<T> | undefined, value: T): void {
  setTimeout(() => callback?.({ status: 'succeeded', value }), 0);
}

function fail(callback: Callback<undefined> | undefined, message: string): void {
  setTimeout(() => callback?.({ status: 'failed', value: undefined, error: { name: 'GenericResponseError', message, code: 9020 } }), 0);
}

function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function createOfficeStandIn({ draft, displayLanguage, resolveRecipient }: StandInOptions): OfficeStandIn {
  let user: MailboxUser | undefined;
  const masterByMailbox = new Map<string, { displayName: string; color: string }[]>();
  const handlers = new Map<string, (event: unknown) => unknown>();
  const master = () => {
    const key = user?.emailAddress.toLowerCase() ?? '';
    if (!masterByMailbox.has(key)) masterByMailbox.set(key, []);
    return masterByMailbox.get(key)!;
  };
  const recipients = (field: 'to' | 'cc' | 'bcc') => ({
    getAsync: (callback: Callback<ResolvedRecipient[]>) => {
      const typed = field === 'bcc' ? [] : splitAddresses(draft.get()[field]);
      Promise.all(typed.map(resolveRecipient)).then(
        (resolved) => succeed(callback, resolved),
        () => succeed(callback, typed.map((emailAddress) => ({ displayName: emailAddress, emailAddress, recipientType: 'other' as const }))),
      );
    },
  });

  const item = {
    itemType: 'message',
    subject: { getAsync: (callback: Callback<string>) => succeed(callback, draft.get().subject) },
    body: {
      getAsync: (coercion: string, callback: Callback<string>) => {
        const html = draft.get().bodyHtml;
        succeed(callback, coercion === 'text' ? htmlToText(html) : html);
      },
      setSelectedDataAsync: (data: string, options: { coercionType?: string } | Callback<undefined>, callback?: Callback<undefined>) => {
        const done = typeof options === 'function' ? options : callback;
        const asHtml = typeof options === 'object' && options.coercionType === 'html';
        draft.insertHtml(asHtml ? data : data.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`));
        succeed(done, undefined);
      },
    },
    to: recipients('to'),
    cc: recipients('cc'),
    bcc: recipients('bcc'),
    categories: {
      getAsync: (callback: Callback<{ displayName: string; color: string }[]>) =>
        succeed(
          callback,
          draft.get().categories.map((name) => ({ displayName: name, color: master().find((c) => c.displayName.toLowerCase() === name.toLowerCase())?.color ?? 'None' })),
        ),
      addAsync: (names: string[], callback: Callback<undefined>) => {
        // Outlook adds only categories of the mailbox's master list.
        const missing = names.filter((name) => !master().some((c) => c.displayName.toLowerCase() === name.toLowerCase()));
        if (missing.length > 0) return fail(callback, `The category "${missing[0]}" is not in the master category list.`);
        draft.update((s) => ({ ...s, categories: [...s.categories, ...names.filter((n) => !s.categories.some((c) => c.toLowerCase() === n.toLowerCase()))] }));
        succeed(callback, undefined);
      },
      removeAsync: (names: string[], callback: Callback<undefined>) => {
        const lower = names.map((n) => n.toLowerCase());
        draft.update((s) => ({ ...s, categories: s.categories.filter((c) => !lower.includes(c.toLowerCase())) }));
        succeed(callback, undefined);
      },
    },
    internetHeaders: {
      getAsync: (names: string[], callback: Callback<Record<string, string>>) => {
        const headers = draft.get().headers;
        succeed(callback, Object.fromEntries(names.filter((n) => headers[n.toLowerCase()] !== undefined).map((n) => [n, headers[n.toLowerCase()]!])));
      },
      setAsync: (headers: Record<string, string>, callback: Callback<undefined>) => {
        draft.update((s) => ({ ...s, headers: { ...s.headers, ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) } }));
        succeed(callback, undefined);
      },
      removeAsync: (names: string[], callback: Callback<undefined>) => {
        const lower = names.map((n) => n.toLowerCase());
        draft.update((s) => ({ ...s, headers: Object.fromEntries(Object.entries(s.headers).filter(([k]) => !lower.includes(k))) }));
        succeed(callback, undefined);
      },
    },
    loadCustomPropertiesAsync: (callback: Callback<unknown>) => {
      const props: Record<string, string> = { ...draft.get().customProperties };
      succeed(callback, {
        get: (name: string) => props[name],
        set: (name: string, value: unknown) => {
          props[name] = String(value);
        },
        remove: (name: string) => {
          delete props[name];
        },
        getAll: () => ({ ...props }),
        saveAsync: (done: Callback<undefined>) => {
          draft.update((s) => ({ ...s, customProperties: { ...props } }));
          succeed(done, undefined);
        },
      });
    },
  };

  const mailbox = {
    item,
    get userProfile() {
      return { displayName: user?.displayName ?? '', emailAddress: user?.emailAddress ?? '' };
    },
    convertToRestId: (id: string) => id,
    masterCategories: {
      getAsync: (callback: Callback<{ displayName: string; color: string }[]>) => succeed(callback, [...master()]),
      addAsync: (list: { displayName: string; color: string }[], callback: Callback<undefined>) => {
        master().push(...list.map((c) => ({ displayName: c.displayName, color: String(c.color) })));
        succeed(callback, undefined);
      },
    },
  };

  const office = {
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
    context: { displayLanguage, officeTheme: { bodyBackgroundColor: '#ffffff' }, mailbox },
    actions: {
      associate: (actionId: string, handler: (event: unknown) => unknown) => {
        handlers.set(actionId, handler);
      },
    },
  };

  return {
    office,
    setUser: (next) => {
      user = next;
    },
    send: (actionId) =>
      new Promise<SendDecision>((resolve, reject) => {
        const handler = handlers.get(actionId);
        if (!handler) return resolve({ allowEvent: true });
        const event = {
          type: 'messageSending',
          completed: (options?: { allowEvent?: boolean; errorMessage?: string }) =>
            resolve({ allowEvent: options?.allowEvent !== false, ...(options?.errorMessage ? { errorMessage: options.errorMessage } : {}) }),
        };
        try {
          Promise.resolve(handler(event)).catch(reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
  };
}
