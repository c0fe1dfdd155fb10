/** A compose item in memory (test double for ComposeMail / MasterCategories) that counts calls. */
import type { ComposeMail, MailRecipient, MasterCategories } from '../composeMail';

export interface FakeComposeState {
  subject: string;
  bodyHtml: string;
  categories: string[];
  headers: Record<string, string>;
  /** Add-in custom properties of the item. */
  customProperties: Record<string, string>;
  recipients: MailRecipient[];
}

export interface FakeComposeMail extends ComposeMail {
  state: FakeComposeState;
  calls: string[];
}

export function fakeComposeMail(initial: Partial<FakeComposeState> = {}): FakeComposeMail {
  const state: FakeComposeState = {
    subject: 'Informationssicherheit ist Chefsache',
    bodyHtml: '<p>Liebe Kolleginnen und Kollegen,</p><p>Sicherheit geht uns alle an.</p>',
    categories: [],
    headers: {},
    customProperties: {},
    recipients: [{ displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', kind: 'distributionList' }],
    ...initial,
  };
  const calls: string[] = [];
  const call = <T>(name: string, value: T) => {
    calls.push(name);
    return Promise.resolve(value);
  };
  return {
    state,
    calls,
    getCategories: () => call('getCategories', [...state.categories]),
    addCategories: (names) => {
      state.categories.push(...names);
      return call('addCategories', undefined);
    },
    removeCategories: (names) => {
      state.categories = state.categories.filter((c) => !names.includes(c));
      return call('removeCategories', undefined);
    },
    getHeaders: (names) => {
      const out: Record<string, string> = {};
      for (const name of names) {
        const value = state.headers[name.toLowerCase()];
        if (value !== undefined) out[name.toLowerCase()] = value;
      }
      return call('getHeaders', out);
    },
    setHeaders: (headers) => {
      for (const [k, v] of Object.entries(headers)) state.headers[k.toLowerCase()] = v;
      return call('setHeaders', undefined);
    },
    removeHeaders: (names) => {
      for (const name of names) delete state.headers[name.toLowerCase()];
      return call('removeHeaders', undefined);
    },
    getCustomProperty: (name) => call('getCustomProperty', state.customProperties[name]),
    setCustomProperty: (name, value) => {
      if (value === undefined) delete state.customProperties[name];
      else state.customProperties[name] = value;
      return call('setCustomProperty', undefined);
    },
    getSubject: () => call('getSubject', state.subject),
    getBodyHtml: () => call('getBodyHtml', state.bodyHtml),
    getBodyText: () => call('getBodyText', state.bodyHtml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()),
    getRecipients: () => call('getRecipients', [...state.recipients]),
  };
}

export function fakeMasterCategories(initial: { displayName: string; color: string }[] = []): MasterCategories & { categories: { displayName: string; color: string }[] } {
  const categories = [...initial];
  return {
    categories,
    list: () => Promise.resolve([...categories]),
    add: (displayName, color) => {
      categories.push({ displayName, color });
      return Promise.resolve();
    },
  };
}
