import { createTokenProvider } from '../../auth/createTokenProvider';
import { createGraphGateways } from '../../graph';
import { openEvidenceStore } from '../../features/evidence/openEvidenceStore';
import type { CreateServices } from './session';

/** The shell's services on Microsoft Graph (or the emulator), signed in per config and host. */
export const createGraphServices: CreateServices = ({ config, host, demoUserUpn }) => {
  const tokenProvider = createTokenProvider({ config, host: host.kind, demoUserUpn });
  const graph = createGraphGateways({ baseUrl: config.graphBaseUrl, tokenProvider });
  return {
    graph,
    evidence: openEvidenceStore({ graph, config, host }),
    me: () => graph.users.me(),
    organization: () => graph.organization.get(),
  };
};
