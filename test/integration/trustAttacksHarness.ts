/**
 * The set-up demo site for test/integration/trustAttacks.test.ts: sessions per demo user (Graph, evidence store,
 * reviews service, SharePoint REST), the dashboard and the binder as the app loads them, and raw SharePoint REST
 * calls an attacker would make.
 */
import { strToU8 } from 'fflate';
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import { emulatorOrigins } from '../../src/auth/sharePointHosts';
import type { PersonRef } from '../../src/domain';
import { exportBinder } from '../../src/features/binder/exportBinder';
import { historySourceFor } from '../../src/features/binder/historySource';
import { binderRecordsFor } from '../../src/features/binder/recordsSource';
import { loadDashboard } from '../../src/features/dashboard/loadDashboard';
import type { CaptureInput } from '../../src/features/evidence/evidenceStore';
import { createReviewsService } from '../../src/features/reviews/reviewsService';
import { minutesSignatureChecks } from '../../src/features/reviews/minutesChecks';
import { checkPermissions } from '../../src/features/setup/permissionCheck';
import { createGraphGateways, createSharePointRestGateway } from '../../src/graph';
import type { RunningEmulator } from '../support/emulator';
import { browser, ISMS_SITE_URL, policyCapture } from './evidenceHarness';
import { upn } from './graphHarness';

export const SHAREPOINT = 'https://mustergmbh.sharepoint.com';

export async function sessionFor(emulator: RunningEmulator, alias: string, person: PersonRef = { upn: upn(alias), displayName: alias }) {
  const tokenProvider = createEmulatorTokenProvider({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret, user: upn(alias) });
  const originOf = await emulatorOrigins(emulator.url, { adminSecret: emulator.adminSecret });
  const graph = createGraphGateways({ baseUrl: emulator.graphUrl, tokenProvider, retry: { maxAttempts: 1 } });
  const sharePoint = createSharePointRestGateway({ siteUrl: ISMS_SITE_URL, tokenProvider, originOf, retry: { maxAttempts: 1 } });
  const evidence = browser(emulator).store(alias, person);
  const reviews = createReviewsService({ graph, evidence, siteUrl: ISMS_SITE_URL, appUrl: 'https://localhost:5173/teams/?view=reviews', companyName: 'Muster GmbH' });
  /** A SharePoint REST POST with this user's token (what an attacker sends by hand). */
  const restPost = async (path: string, body?: unknown) => {
    const token = await tokenProvider.getToken([`${SHAREPOINT}/AllSites.FullControl`]);
    const response = await fetch(`${originOf('mustergmbh.sharepoint.com')}/sites/ISMS/_api${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json;odata=nometadata', ...(body === undefined ? {} : { 'Content-Type': 'application/json;odata=nometadata' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.text() };
  };
  /** The dashboard as the Teams tab loads it: drift check and minutes signatures included. */
  const dashboard = () =>
    loadDashboard(graph, evidence, {
      siteUrl: ISMS_SITE_URL,
      permissionCheck: async () => checkPermissions(sharePoint),
      minutesChecks: () => minutesSignatureChecks(graph, ISMS_SITE_URL),
    });
  /** The binder as the panel exports it (version history, decisions, signatures). */
  const binder = () =>
    exportBinder({
      sink: { write: () => undefined },
      store: evidence,
      history: historySourceFor(graph, evidence)!,
      records: binderRecordsFor(graph, evidence, ISMS_SITE_URL),
      from: new Date('2020-01-01T00:00:00Z'),
      to: new Date('2030-12-31T23:59:59Z'),
      company: 'Muster GmbH',
      lang: 'de',
      timeZone: 'Europe/Berlin',
      now: new Date(),
    });
  return { graph, sharePoint, evidence, reviews, restPost, dashboard, binder, tokenProvider };
}

export type Session = Awaited<ReturnType<typeof sessionFor>>;

/** A signed policy PDF, uploaded as evidence. */
export function signedPolicy(id: string): CaptureInput {
  return { ...policyCapture(id, '2026-01-05T10:00:00Z'), content: { fileName: `Leitlinie ${id}.pdf`, contentType: 'application/pdf', bytes: strToU8(`%PDF-1.4 Leitlinie ${id}`) } };
}
