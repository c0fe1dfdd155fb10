import type { AppConfig } from '../../config';
import type { HostInfo } from '../../host';
import type { ProfileServices } from '../profile/profileServices';

export interface SessionRequest {
  config: AppConfig;
  host: HostInfo;
  /** The demo user picked in standalone emulator mode; null when none is picked (or not applicable). */
  demoUserUpn: string | null;
}

/** Builds the Graph-backed services for one signed-in user. Throws when sign-in is impossible. */
export type CreateServices = (request: SessionRequest) => ProfileServices;

/** What a page gets from the shell. */
export type ShellSession =
  | { state: 'needsDemoUser' }
  | { state: 'unavailable'; error: unknown }
  | { state: 'ready'; services: ProfileServices; key: string };

export function openSession(createServices: CreateServices, request: SessionRequest): ShellSession {
  if (request.config.auth === 'emulator' && !request.demoUserUpn) return { state: 'needsDemoUser' };
  try {
    const services = createServices(request);
    return { state: 'ready', services, key: `${request.config.auth}:${request.demoUserUpn ?? ''}` };
  } catch (error) {
    return { state: 'unavailable', error };
  }
}
