import { createTokenProvider } from '../../auth/createTokenProvider';
import { emulatorOrigins, tenantOrigins, type OriginOf } from '../../auth/sharePointHosts';
import { createGraphGateways, createSharePointRestGateway } from '../../graph';
import { openEvidenceStore } from '../../features/evidence/openEvidenceStore';
import type { CreateServices } from './session';

/** The shell's services on Microsoft Graph (or the emulator), signed in per config and host. */
export const createGraphServices: CreateServices = ({ config, host, demoUserUpn }) => {
  const tokenProvider = createTokenProvider({ config, host: host.kind, demoUserUpn });
  const graph = createGraphGateways({ baseUrl: config.graphBaseUrl, tokenProvider });
  // Read once per session: the profile shown on sign-in is also who captures, so a capture during
  // a Graph outage can still be queued (a failed read is tried again next time).
  let me: ReturnType<typeof graph.users.me> | undefined;
  const readMe = () =>
    (me ??= graph.users.me().catch((error: unknown) => {
      me = undefined;
      throw error;
    }));
  // Where SharePoint host names are served: the tenant itself, or (emulator) its file host, asked once.
  let origins: Promise<OriginOf> | undefined;
  const originOf = (): Promise<OriginOf> => {
    if (config.auth !== 'emulator' || !config.emulatorUrl) return Promise.resolve(tenantOrigins);
    return (origins ??= emulatorOrigins(config.emulatorUrl).catch((error: unknown) => {
      origins = undefined;
      throw error;
    }));
  };
  return {
    graph,
    sharePoint: async (siteUrl) => createSharePointRestGateway({ siteUrl, tokenProvider, originOf: await originOf() }),
    evidence: openEvidenceStore({ graph, config, host, me: readMe }),
    me: readMe,
    organization: () => graph.organization.get(),
  };
};
