/**
 * Evidence store against a real emulator process: stores for demo users that share an IndexedDB
 * (fake-indexeddb) like two visits of the same browser, and helpers to build captures.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { mailSourceKey, uploadSourceKey, type PersonRef } from '../../src/domain';
import { createGraphGateways, type GraphGateways } from '../../src/graph';
import { createEvidenceStore, type EvidenceStoreOptions, type GraphEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
import type { CaptureInput } from '../../src/features/evidence/evidenceStore';
import { createIndexedDbEvidenceCache, createIndexedDbOutboxStorage } from '../../src/features/evidence/indexedDbStorage';
import type { TokenProvider } from '../../src/graph';
import { RecordingClock, upn } from './graphHarness';
import type { RunningEmulator } from '../support/emulator';

export const ISMS_SITE_URL = 'https://mustergmbh.sharepoint.com/sites/ISMS';

export const JONAS: PersonRef = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
export const KATRIN: PersonRef = { upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };
export const THOMAS: PersonRef = { upn: 'thomas.schmidt@mustergmbh.onmicrosoft.com', displayName: 'Thomas Schmidt' };

export function gatewaysFor(
  emulator: RunningEmulator,
  user: string,
  tokenProvider?: TokenProvider,
  fetch?: (input: string, init: RequestInit) => Promise<Response>,
): GraphGateways {
  return createGraphGateways({
    baseUrl: emulator.graphUrl,
    tokenProvider: tokenProvider ?? createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: upn(user) }),
    clock: new RecordingClock(),
    ...(fetch ? { fetch } : {}),
  });
}

export interface Browser {
  indexedDB: IDBFactory;
  store(user: string, person: PersonRef, extra?: Partial<EvidenceStoreOptions>): GraphEvidenceStore;
}

/** One "browser profile": stores created from it share the IndexedDB cache and outbox. */
export function browser(emulator: RunningEmulator, site = ISMS_SITE_URL): Browser {
  const indexedDB = new IDBFactory();
  return {
    indexedDB,
    store: (user, person, extra = {}) =>
      createEvidenceStore({
        graph: gatewaysFor(emulator, user),
        site,
        capturedBy: person,
        cache: createIndexedDbEvidenceCache({ indexedDB }),
        outboxStorage: createIndexedDbOutboxStorage({ indexedDB }),
        ...extra,
      }),
  };
}

export function mailCapture(id: string, extra: Partial<CaptureInput> = {}): CaptureInput {
  return {
    title: `Mail der Geschäftsführung ${id}`,
    type: 'ceoMail',
    clauses: ['5.1', '7.4'],
    source: 'outlook',
    sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
    effectiveDate: '2026-02-03T08:15:30.250+01:00',
    summary: 'Informationssicherheit ist Chefsache.',
    author: KATRIN,
    content: { fileName: `Mail ${id}.eml`, contentType: 'message/rfc822', bytes: new TextEncoder().encode(`From: katrin\r\nSubject: ${id}\r\n\r\nText ${id}`) },
    ...extra,
  };
}

export function policyCapture(id: string, effectiveDate = '2025-05-10T10:00:00Z'): CaptureInput {
  return {
    title: `Informationssicherheitsleitlinie ${id}`,
    type: 'securityPolicy',
    clauses: ['5.2'],
    source: 'upload',
    sourceKey: uploadSourceKey(id),
    effectiveDate,
    summary: '',
    signedBy: KATRIN,
  };
}
