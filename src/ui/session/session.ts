import type { AppConfig } from '../../config';
import type { HostInfo } from '../../host';
import type { GraphGateways, SharePointRestGateway } from '../../graph';
import type { EvidenceStore } from '../../features/evidence/evidenceStore';
import type { ProfileServices } from '../profile/profileServices';

export interface SessionRequest {
  config: AppConfig;
  host: HostInfo;
  /** The demo user picked in standalone emulator mode; null when none is picked (or not applicable). */
  demoUserUpn: string | null;
}

/**
 * What features get for one signed-in user: the profile calls the shell needs, and the Graph
 * gateways that feature state/actions build on (src/graph; Graph types never leave it).
 */
export interface AppServices extends ProfileServices {
  graph: GraphGateways;
  /** The evidence list on the ISMS site (issue 3): capture, query, review, sync, outbox. */
  evidence: EvidenceStore;
  /**
   * SharePoint REST on a site (list permissions: setup and the drift check, issue 11), signed in like Graph
   * with SharePoint-audience tokens; in emulator mode the host is mapped through `/_signin/hosts`.
   */
  sharePoint(siteUrl: string): Promise<SharePointRestGateway>;
}

/** Builds the Graph-backed services for one signed-in user. Throws when sign-in is impossible. */
export type CreateServices = (request: SessionRequest) => AppServices;

/** What a page gets from the shell. */
export type ShellSession =
  | { state: 'needsDemoUser' }
  | { state: 'unavailable'; error: unknown }
  | { state: 'ready'; services: AppServices; key: string };

export function openSession(createServices: CreateServices, request: SessionRequest): ShellSession {
  if (request.config.auth === 'emulator' && !request.demoUserUpn) return { state: 'needsDemoUser' };
  try {
    const services = createServices(request);
    return { state: 'ready', services, key: `${request.config.auth}:${request.demoUserUpn ?? ''}` };
  } catch (error) {
    return { state: 'unavailable', error };
  }
}
