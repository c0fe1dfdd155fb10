/**
 * One demo user signed in to the local emulator, as the app signs them in (a token per user): the Graph
 * gateways, the evidence store and the reviews service the Teams tab would use for that user.
 */
import { createEmulatorTokenProvider } from '../../src/auth/emulatorTokenProvider';
import type { PersonRef } from '../../src/domain';
import { createEvidenceStore, type GraphEvidenceStore } from '../../src/features/evidence/createEvidenceStore';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { createReviewsService, type ReviewsService } from '../../src/features/reviews/reviewsService';
import { createGraphGateways, type GraphGateways } from '../../src/graph';

export const DEMO_DOMAIN = 'mustergmbh.onmicrosoft.com';
export const upnOf = (alias: string) => `${alias}@${DEMO_DOMAIN}`;
/** Where the To Do tasks of review actions link back to (the dev server's reviews section). */
export const DEMO_APP_URL = 'http://localhost:5173/teams/?view=reviews';

export interface DemoTarget {
  /** The emulator's origin, e.g. http://localhost:4365. */
  emulatorUrl: string;
  adminSecret: string;
}

export interface DemoSession {
  alias: string;
  person: Required<Pick<PersonRef, 'id'>> & PersonRef;
  graph: GraphGateways;
  evidence: GraphEvidenceStore;
  /** The reviews service on the real clock, or (`at`) on a clock standing at that moment. */
  reviews(at?: () => Date): ReviewsService;
}

export async function signIn(target: DemoTarget, alias: string): Promise<DemoSession> {
  const tokenProvider = createEmulatorTokenProvider({ emulatorUrl: target.emulatorUrl, adminSecret: target.adminSecret, user: upnOf(alias) });
  const graph = createGraphGateways({ baseUrl: `${target.emulatorUrl.replace(/\/+$/, '')}/v1.0`, tokenProvider });
  const me = await graph.users.me();
  const person = { id: me.id, upn: me.userPrincipalName, displayName: me.displayName };
  const evidence = createEvidenceStore({ graph, site: DEMO_SITE_URL, capturedBy: person });
  return {
    alias,
    person,
    graph,
    evidence,
    reviews: (at) =>
      createReviewsService({ graph, evidence, siteUrl: DEMO_SITE_URL, appUrl: DEMO_APP_URL, companyName: 'Muster GmbH', ...(at ? { clock: at } : {}) }),
  };
}

/** The emulator's admin API: what the tenant's people do outside Chefsache (send a mail from a phone, hold a meeting). */
export async function admin<T>(target: DemoTarget, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${target.emulatorUrl.replace(/\/+$/, '')}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-emulator-admin-secret': target.adminSecret },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} /_admin${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
