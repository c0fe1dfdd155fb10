/**
 * `npm run verify-binder -- <zip> [--graph <url> --token <t> | --emulator <url>] [--site <url>]`:
 * checks the ZIP against its manifest (offline, duplicate names are tampering) and, with Graph
 * access, the manifest's signature anchors against the site's signature items (issue 11).
 */
import { createGraphGateways } from '../../graph';
import { DEMO_SITE_URL } from '../evidence/openEvidenceStore';
import { describeVerification, emulatorToken, UsageError } from './binderCli';
import { binderSignatures } from './recordsSource';
import { checkAnchors } from './signatureAnchors';
import type { BinderVerification } from './verifyBinder';

export const VERIFY_USAGE = `Usage: npm run verify-binder -- <binder.zip> [options]
  --graph <url>         Microsoft Graph base URL: also check the binder's signatures against SharePoint (needs --token)
  --token <token>       bearer token for --graph (or env CHEFSACHE_GRAPH_TOKEN)
  --emulator <url>      check the signatures against the local emulator instead (admin secret: --admin-secret or EMULATOR_ADMIN_SECRET)
  --admin-secret <s>    the emulator's admin secret
  --user <upn>          emulator user (default: jonas.weber@mustergmbh.onmicrosoft.com)
  --site <url>          SharePoint site (default: ${DEMO_SITE_URL})`;

export interface VerifyArgs {
  path: string;
  graph?: { baseUrl: string; token?: string; emulatorUrl?: string; adminSecret?: string; user: string };
  siteUrl: string;
}

export function parseVerifyArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): VerifyArgs {
  const values = new Map<string, string>();
  let path: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (path) throw new UsageError(`Only one binder, got "${path}" and "${arg}".`);
      path = arg;
      continue;
    }
    if (!['--graph', '--token', '--emulator', '--admin-secret', '--user', '--site'].includes(arg)) throw new UsageError(`Unknown argument "${arg}".`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
    values.set(arg, value);
    i += 1;
  }
  if (!path) throw new UsageError('Name the binder ZIP.');
  const siteUrl = values.get('--site') ?? DEMO_SITE_URL;
  const user = values.get('--user') ?? 'jonas.weber@mustergmbh.onmicrosoft.com';
  const graphUrl = values.get('--graph')?.replace(/\/+$/, '');
  const emulatorUrl = values.get('--emulator')?.replace(/\/+$/, '');
  if (graphUrl && emulatorUrl) throw new UsageError('Use --graph or --emulator, not both.');
  if (graphUrl) {
    const token = values.get('--token') ?? env.CHEFSACHE_GRAPH_TOKEN;
    if (!token) throw new UsageError('--graph needs --token (or CHEFSACHE_GRAPH_TOKEN).');
    return { path, siteUrl, graph: { baseUrl: graphUrl, token, user } };
  }
  if (emulatorUrl) {
    const adminSecret = values.get('--admin-secret') ?? env.EMULATOR_ADMIN_SECRET;
    return { path, siteUrl, graph: { baseUrl: `${emulatorUrl}/v1.0`, emulatorUrl, ...(adminSecret ? { adminSecret } : {}), user } };
  }
  return { path, siteUrl };
}

/** The ZIP check, then (with Graph) the anchors; exit 1 on any difference, 2 when no binder. */
export async function runVerify(args: VerifyArgs, verification: BinderVerification, fetchFn: typeof fetch = fetch): Promise<{ lines: string[]; exitCode: number }> {
  const result = describeVerification(verification);
  if (!args.graph || !verification.readable) return result;
  const token = args.graph.token ?? (await emulatorToken(args.graph.emulatorUrl!, args.graph.user, args.graph.adminSecret, fetchFn));
  const graph = createGraphGateways({ baseUrl: args.graph.baseUrl, tokenProvider: { getToken: async () => token }, fetch: fetchFn });
  const differences = checkAnchors(verification.manifest, await binderSignatures(graph, args.siteUrl));
  const listed = verification.manifest.signatures?.length ?? 0;
  if (differences.length === 0) return { lines: [...result.lines, `OK: the ${listed} signatures the binder lists match SharePoint's signature items.`], exitCode: result.exitCode };
  return {
    lines: [
      ...result.lines,
      `SIGNATURES DIFFER: ${differences.length} difference(s) between the binder and SharePoint's signature items:`,
      ...differences.map((d) => `  ${d.kind.padEnd(16)} signature ${d.signatureId}${d.expected ? `  binder ${d.expected}` : ''}${d.actual ? `  SharePoint ${d.actual}` : ''}`),
    ],
    exitCode: Math.max(result.exitCode, 1),
  };
}
