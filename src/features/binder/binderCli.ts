/**
 * The binder on the command line: `npm run export-binder -- --out <zip>` and
 * `npm run verify-binder -- <zip>` (scripts/). Argument parsing and the runs live here so they
 * can be tested; the scripts only wire Node's file system and process.
 */
import { EMULATOR_ADMIN_SECRET_HEADER } from '../../auth/emulatorTokenProvider';
import { createGraphGateways } from '../../graph';
import { openEvidenceStore, DEMO_SITE_URL } from '../evidence/openEvidenceStore';
import { DEFAULT_FRESHNESS_SETTINGS, type Language } from '../../domain';
import { exportBinder, type BinderSink, type ExportedBinder } from './exportBinder';
import { loadAcknowledgementPages } from '../acknowledgements/acknowledgementService';
import { loadPanelAccess } from '../panel/access';
import { historySourceFor } from './historySource';
import { binderRecordsFor } from './recordsSource';
import type { BinderVerification } from './verifyBinder';

export const DEFAULT_EMULATOR_URL = 'http://localhost:4365';
export const DEFAULT_CLI_USER = 'jonas.weber@mustergmbh.onmicrosoft.com';

export interface ExportArgs {
  out: string;
  from: Date;
  to: Date;
  lang: Language;
  /** Graph base URL and bearer token; without them the emulator's demo company is used. */
  graphBaseUrl?: string;
  token?: string;
  emulatorUrl: string;
  /** The emulator's admin secret (`--admin-secret`, EMULATOR_ADMIN_SECRET, else read from its data folder by the script). */
  adminSecret?: string;
  user: string;
  siteUrl: string;
}

export const EXPORT_USAGE = `Usage: npm run export-binder -- --out <binder.zip> [options]
  --from YYYY-MM-DD     first effective day (default: one year before --to)
  --to YYYY-MM-DD       last effective day (default: today)
  --lang de|en          language of the PDF (default: de)
  --graph <url>         Microsoft Graph base URL (e.g. https://graph.microsoft.com/v1.0), needs --token
  --token <token>       bearer token for --graph (or env CHEFSACHE_GRAPH_TOKEN)
  --site <url>          SharePoint site of the evidence list (default: ${DEMO_SITE_URL})
  --emulator <url>      local emulator (default: ${DEFAULT_EMULATOR_URL}; used when --graph is not given)
  --admin-secret <s>    the emulator's admin secret (or env EMULATOR_ADMIN_SECRET; default: read from .emulator-data/admin-secret)
  --user <upn>          emulator demo user (default: ${DEFAULT_CLI_USER})`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function day(value: string, flag: string, endOfDay: boolean): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), endOfDay ? 23 : 0, endOfDay ? 59 : 0, endOfDay ? 59 : 0, endOfDay ? 999 : 0)) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match![3])) throw new UsageError(`${flag} needs a date like 2026-03-31, got "${value}".`);
  return date;
}

export function parseExportArgs(argv: readonly string[], env: Record<string, string | undefined> = {}, now = new Date()): ExportArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (!['--out', '--from', '--to', '--lang', '--graph', '--token', '--site', '--emulator', '--admin-secret', '--user'].includes(flag)) throw new UsageError(`Unknown argument "${flag}".`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
    values.set(flag, value);
    i += 1;
  }
  const out = values.get('--out');
  if (!out) throw new UsageError('--out <binder.zip> is required.');
  const to = values.has('--to') ? day(values.get('--to')!, '--to', true) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 59, 59, 999));
  const from = values.has('--from') ? day(values.get('--from')!, '--from', false) : new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  if (from > to) throw new UsageError('--from lies after --to.');
  const lang = values.get('--lang') ?? 'de';
  if (lang !== 'de' && lang !== 'en') throw new UsageError(`--lang must be de or en, got "${lang}".`);
  const graphBaseUrl = values.get('--graph');
  const token = values.get('--token') ?? env.CHEFSACHE_GRAPH_TOKEN;
  const adminSecret = values.get('--admin-secret') ?? env.EMULATOR_ADMIN_SECRET;
  if (graphBaseUrl && !token) throw new UsageError('--graph needs --token (or CHEFSACHE_GRAPH_TOKEN).');
  return {
    out,
    from,
    to,
    lang,
    ...(graphBaseUrl ? { graphBaseUrl: graphBaseUrl.replace(/\/+$/, ''), token } : {}),
    emulatorUrl: (values.get('--emulator') ?? DEFAULT_EMULATOR_URL).replace(/\/+$/, ''),
    ...(adminSecret ? { adminSecret } : {}),
    user: values.get('--user') ?? DEFAULT_CLI_USER,
    siteUrl: values.get('--site') ?? DEMO_SITE_URL,
  };
}

export async function emulatorToken(emulatorUrl: string, user: string, adminSecret: string | undefined, fetchFn: typeof fetch): Promise<string> {
  if (!adminSecret) throw new Error(`No admin secret for the emulator at ${emulatorUrl}: pass --admin-secret (it prints it at start) or set EMULATOR_ADMIN_SECRET.`);
  let response: Response;
  try {
    response = await fetchFn(`${emulatorUrl}/_admin/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [EMULATOR_ADMIN_SECRET_HEADER]: adminSecret },
      body: JSON.stringify({ user }),
    });
  } catch (error) {
    throw new Error(`The emulator at ${emulatorUrl} does not answer (start it with npm run emulator): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new Error(`The emulator refused a token for ${user}: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error('The emulator answered /_admin/token without an access_token.');
  return body.access_token;
}

/** Exports into `sink` (the script's file stream). */
export async function runExport(args: ExportArgs, sink: BinderSink, options: { fetch?: typeof fetch; now?: Date; onProgress?: (done: number, total: number) => void } = {}): Promise<ExportedBinder> {
  const fetchFn = options.fetch ?? fetch;
  const baseUrl = args.graphBaseUrl ?? `${args.emulatorUrl}/v1.0`;
  const token = args.token ?? (await emulatorToken(args.emulatorUrl, args.user, args.adminSecret, fetchFn));
  const graph = createGraphGateways({ baseUrl, tokenProvider: { getToken: async () => token }, fetch: fetchFn });
  const store = openEvidenceStore({
    graph,
    config: { auth: args.graphBaseUrl ? 'msal' : 'emulator', graphBaseUrl: baseUrl, siteUrl: args.siteUrl },
    host: {},
  });
  const organization = await graph.organization.get();
  const history = historySourceFor(graph, store);
  // Staff acknowledgement pages: names only in an auditor's binder.
  const auditor = (await loadPanelAccess(graph, args.siteUrl)).roles.includes('auditor');
  const acknowledgements = await loadAcknowledgementPages(graph, args.siteUrl, auditor);
  return exportBinder({
    sink,
    store,
    from: args.from,
    to: args.to,
    company: organization.displayName,
    lang: args.lang,
    timeZone: DEFAULT_FRESHNESS_SETTINGS.timeZone,
    now: options.now ?? new Date(),
    ...(history ? { history } : {}),
    records: binderRecordsFor(graph, store, args.siteUrl),
    acknowledgements,
    ...(options.onProgress ? { onProgress: (p) => options.onProgress!(p.done, p.total) } : {}),
  });
}

/** The verification as lines for the terminal, and the exit code (0 = everything matches). */
export function describeVerification(result: BinderVerification): { lines: string[]; exitCode: number } {
  if (!result.readable) return { lines: [`Not a readable binder: ${result.problem}`], exitCode: 2 };
  if (result.ok) return { lines: [`OK: all ${result.checked} files match the manifest (${result.manifest.company}, ${result.manifest.itemCount} items).`], exitCode: 0 };
  return {
    lines: [
      `MISMATCH: ${result.differences.length} of ${result.checked} listed files differ:`,
      ...result.differences.map((d) => `  ${d.kind.padEnd(8)} ${d.path}${d.expectedSha256 ? `  expected ${d.expectedSha256}` : ''}${d.actualSha256 ? `  actual ${d.actualSha256}` : ''}`),
    ],
    exitCode: 1,
  };
}
