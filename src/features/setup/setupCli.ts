/**
 * Setup on the command line: `npm run setup -- --site <url> --top-management <oid> --isb <oid> --auditors <oid>
 * [--all-staff <oid>] [--dry-run]` (scripts/setup.ts). Against a tenant with two bearer tokens (Graph and SharePoint
 * are two resources), or against the local emulator signed in as the site owner. In emulator mode a group may be
 * given by display name: a convenience that resolves it to its object id once (the settings store ids only).
 */
import { createEmulatorTokenProvider } from '../../auth/emulatorTokenProvider';
import { emulatorOrigins, tenantOrigins } from '../../auth/sharePointHosts';
import type { Language, RoleGroups } from '../../domain';
import { createGraphGateways, createSharePointRestGateway, type GraphGateways } from '../../graph';
import type { TokenProvider } from '../../graph/tokenProvider';
import { createTranslator, translateMessage } from '../../i18n/translate';
import { DEMO_SITE_URL } from '../evidence/openEvidenceStore';
import { runSetup, type SetupResult } from './runSetup';
import { describeStep, type SetupStep } from './setupPlan';

export const DEFAULT_EMULATOR_URL = 'http://localhost:4365';
/** The demo tenant's site owner (owner of the team group ISMS Muster GmbH). */
export const DEMO_SITE_OWNER = 'lukas.schneider@mustergmbh.onmicrosoft.com';
/** The demo company's role groups by display name (resolved to object ids once, emulator only). */
export const DEMO_ROLE_GROUP_NAMES = { topManagement: 'Geschäftsführung', isb: 'Informationssicherheit', auditors: 'Auditoren', allStaff: 'Alle Mitarbeitenden' } as const;

export const SETUP_USAGE = `Usage: npm run setup -- --site <url> --top-management <group> --isb <group> --auditors <group> [options]
  <group>                 Entra object id of the group (in emulator mode also its display name)
  --all-staff <group>     optional: the group of all staff
  --record-label <name>   optional: a tenant retention label that declares records (Microsoft Purview); signed minutes
                          and accepted evidence get it (needs Sites.FullControl.All with admin consent when applied)
  --dry-run               only show what would change
  --graph <url>           Microsoft Graph base URL (tenant), needs --token and --sharepoint-token
  --token <t>             Graph token (or env CHEFSACHE_GRAPH_TOKEN): Sites.Manage.All, Sites.ReadWrite.All, GroupMember.Read.All, User.Read
  --sharepoint-token <t>  SharePoint token (or env CHEFSACHE_SHAREPOINT_TOKEN): AllSites.FullControl, of a site owner
  --emulator <url>        local emulator (default: ${DEFAULT_EMULATOR_URL}; used when --graph is not given)
  --admin-secret <s>      the emulator's admin secret (or env EMULATOR_ADMIN_SECRET; default: .emulator-data/admin-secret)
  --as <upn>              emulator user running setup (default: ${DEMO_SITE_OWNER}, the site owner)`;

export class SetupUsageError extends Error {
  override readonly name = 'SetupUsageError';
}

type GroupArg = keyof RoleGroups;

export interface SetupArgs {
  siteUrl: string;
  groups: Partial<Record<GroupArg, string>>;
  dryRun: boolean;
  recordLabel?: string;
  graphBaseUrl?: string;
  graphToken?: string;
  sharePointToken?: string;
  emulatorUrl: string;
  adminSecret?: string;
  user: string;
}

const FLAGS: Record<string, GroupArg> = { '--top-management': 'topManagement', '--isb': 'isb', '--auditors': 'auditors', '--all-staff': 'allStaff' };
const VALUE_FLAGS = ['--site', '--record-label', '--graph', '--token', '--sharepoint-token', '--emulator', '--admin-secret', '--as', ...Object.keys(FLAGS)];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSetupArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): SetupArgs {
  const values = new Map<string, string>();
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--dry-run') {
      dryRun = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) throw new SetupUsageError(`Unknown argument "${flag}".`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new SetupUsageError(`${flag} needs a value.`);
    values.set(flag, value);
    i += 1;
  }
  const siteUrl = values.get('--site');
  if (!siteUrl) throw new SetupUsageError('--site <url> is required.');
  const groups: Partial<Record<GroupArg, string>> = {};
  for (const [flag, key] of Object.entries(FLAGS)) if (values.has(flag)) groups[key] = values.get(flag)!;
  for (const required of ['--top-management', '--isb', '--auditors']) if (!values.has(required)) throw new SetupUsageError(`${required} <group> is required.`);
  const graphBaseUrl = values.get('--graph');
  const graphToken = values.get('--token') ?? env.CHEFSACHE_GRAPH_TOKEN;
  const sharePointToken = values.get('--sharepoint-token') ?? env.CHEFSACHE_SHAREPOINT_TOKEN;
  if (graphBaseUrl) {
    if (!graphToken || !sharePointToken) throw new SetupUsageError('--graph needs --token and --sharepoint-token (Graph and SharePoint are two resources: one token each).');
    for (const [key, value] of Object.entries(groups)) if (!GUID.test(value)) throw new SetupUsageError(`Against a tenant the ${key} group must be given by its Entra object id, not "${value}".`);
  }
  const adminSecret = values.get('--admin-secret') ?? env.EMULATOR_ADMIN_SECRET;
  const recordLabel = values.get('--record-label')?.trim();
  return {
    siteUrl: siteUrl.replace(/\/+$/, ''),
    groups,
    dryRun,
    ...(recordLabel ? { recordLabel } : {}),
    ...(graphBaseUrl ? { graphBaseUrl: graphBaseUrl.replace(/\/+$/, ''), graphToken, sharePointToken } : {}),
    emulatorUrl: (values.get('--emulator') ?? DEFAULT_EMULATOR_URL).replace(/\/+$/, ''),
    ...(adminSecret ? { adminSecret } : {}),
    user: values.get('--as') ?? DEMO_SITE_OWNER,
  };
}

/** Object ids as given; display names (emulator only) resolved once, exactly one group per name. */
async function resolveGroups(graph: GraphGateways, groups: SetupArgs['groups']): Promise<RoleGroups> {
  const out: Partial<RoleGroups> = {};
  for (const [key, value] of Object.entries(groups) as [GroupArg, string][]) {
    if (GUID.test(value)) {
      out[key] = value;
      continue;
    }
    const found = await graph.groups.find(value);
    if (found.length !== 1) throw new SetupUsageError(`The group name "${value}" matches ${found.length} groups; give its object id instead.`);
    out[key] = found[0]!.id;
  }
  return out as RoleGroups;
}

export async function runSetupCli(args: SetupArgs, options: { fetch?: typeof fetch; onStep?: (step: SetupStep) => void } = {}): Promise<SetupResult> {
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  let tokenProvider: TokenProvider;
  let originOf = tenantOrigins;
  let baseUrl: string;
  if (args.graphBaseUrl) {
    const { graphToken, sharePointToken } = args;
    // Resource-qualified scopes (https://<host>/AllSites.*) ask for SharePoint's audience.
    tokenProvider = { getToken: async (scopes) => (scopes.some((s) => /^https:\/\//i.test(s)) ? sharePointToken! : graphToken!) };
    baseUrl = args.graphBaseUrl;
  } else {
    if (!args.adminSecret) throw new SetupUsageError(`No admin secret for the emulator at ${args.emulatorUrl}: pass --admin-secret or set EMULATOR_ADMIN_SECRET.`);
    tokenProvider = createEmulatorTokenProvider({ emulatorUrl: args.emulatorUrl, adminSecret: args.adminSecret, user: args.user, fetch: fetchFn });
    originOf = await emulatorOrigins(args.emulatorUrl, { adminSecret: args.adminSecret, fetch: fetchFn });
    baseUrl = `${args.emulatorUrl}/v1.0`;
  }
  const graph = createGraphGateways({ baseUrl, tokenProvider, fetch: fetchFn });
  const sharePoint = createSharePointRestGateway({ siteUrl: args.siteUrl, tokenProvider, originOf, fetch: fetchFn });
  const groups = await resolveGroups(graph, args.groups);
  const me = await graph.users.me();
  return runSetup(graph, sharePoint, {
    siteUrl: args.siteUrl,
    groups,
    setupBy: me.userPrincipalName,
    dryRun: args.dryRun,
    ...(args.recordLabel ? { recordLabel: args.recordLabel } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
}

/** The demo company set up through the app's own setup, as its site owner (tests, npm start, emulator:reset). */
export async function setUpDemoCompany(emulatorUrl: string, adminSecret: string, options: { fetch?: typeof fetch } = {}): Promise<SetupResult> {
  return runSetupCli({ siteUrl: DEMO_SITE_URL, groups: { ...DEMO_ROLE_GROUP_NAMES }, dryRun: false, emulatorUrl, adminSecret, user: DEMO_SITE_OWNER }, options);
}

export function describeResult(result: SetupResult, lang: Language = 'en'): string[] {
  const t = createTranslator(lang);
  if (!result.changed) return [t('setup.section.nothingToDo')];
  const head = t(result.dryRun ? 'setup.section.planned' : 'setup.section.done', { count: result.steps.length });
  return [head, ...result.steps.map((s) => `  ${translateMessage(t, describeStep(s))}`)];
}
