/**
 * Chefsache's settings on the evidence site: the list `LIST_NAMES.settings`, one item per key (`Title` = key,
 * `Value` = JSON). Written by setup only (site owners); after setup everyone else reads it (permission level
 * "Lesen und prüfen"), so the role groups cannot be changed by top management, the ISB or auditors.
 */
import { z } from 'zod';
import { RoleGroupsSchema, type RoleGroups } from '../../domain';
import { GraphNotFoundError, LIST_NAMES, type ColumnDefinition, type GraphGateways, type ListItem, type ListItemsClient } from '../../graph';

export const SETTINGS_COLUMNS: ColumnDefinition[] = [{ name: 'Value', displayName: 'Wert (JSON)', type: 'text', allowMultipleLines: true }];

export const SiteSettingSchema = z.object({ url: z.string().url(), setupAt: z.string(), setupBy: z.string() });
export const RecordLabelSettingSchema = z.object({ name: z.string().min(1) });

export const SETTING_SCHEMAS = { roles: RoleGroupsSchema, site: SiteSettingSchema, recordLabel: RecordLabelSettingSchema } as const;
export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTING_SCHEMAS)[K]>;

/** What the settings list holds; a key that is missing or unreadable is undefined (with the reason in `problems`). */
export interface ChefsacheSettings {
  roles?: RoleGroups;
  site?: SettingValue<'site'>;
  recordLabel?: SettingValue<'recordLabel'>;
  /** False when the settings list does not exist (setup has not run on this site). */
  listExists: boolean;
  /** Keys whose value is not valid JSON of the documented shape. */
  problems: { key: string; reason: string }[];
}

type Graph = Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>;

async function openList(graph: Graph, siteUrl: string, create: boolean): Promise<ListItemsClient | undefined> {
  const site = await graph.sites.fromWebUrl(siteUrl);
  try {
    const list = await graph.lists.get(site.id, LIST_NAMES.settings);
    if (create && !(list.columns ?? []).some((c) => c.name.toLowerCase() === 'value')) await graph.lists.addColumn(site.id, list.id, SETTINGS_COLUMNS[0]!);
    return graph.listItems.forList(site.id, list.id);
  } catch (error) {
    if (!(error instanceof GraphNotFoundError) || !create) {
      if (error instanceof GraphNotFoundError) return undefined;
      throw error;
    }
    const list = await graph.lists.create(site.id, { displayName: LIST_NAMES.settings, description: 'Chefsache: Einstellungen (von der Einrichtung geschrieben)', columns: SETTINGS_COLUMNS });
    return graph.listItems.forList(site.id, list.id);
  }
}

const keyOf = (item: ListItem) => String(item.fields.Title ?? '');

function parse(items: ListItem[]): ChefsacheSettings {
  const settings: ChefsacheSettings = { listExists: true, problems: [] };
  for (const item of items) {
    const key = keyOf(item);
    if (!(key in SETTING_SCHEMAS)) continue;
    let json: unknown;
    try {
      json = JSON.parse(typeof item.fields.Value === 'string' ? item.fields.Value : '');
    } catch {
      settings.problems.push({ key, reason: 'not JSON' });
      continue;
    }
    const result = SETTING_SCHEMAS[key as SettingKey].safeParse(json);
    if (!result.success) settings.problems.push({ key, reason: result.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ') });
    else (settings as unknown as Record<string, unknown>)[key] = result.data;
  }
  return settings;
}

export async function readSettings(graph: Graph, siteUrl: string): Promise<ChefsacheSettings> {
  const list = await openList(graph, siteUrl, false);
  if (!list) return { listExists: false, problems: [] };
  return parse(await list.queryAll({ select: ['Title', 'Value'] }));
}

/** The role groups of the evidence site, or undefined when setup has not chosen them. */
export async function readRoleGroups(graph: Graph, siteUrl: string | undefined): Promise<RoleGroups | undefined> {
  if (!siteUrl) return undefined;
  return (await readSettings(graph, siteUrl)).roles;
}

export interface SettingsWriter {
  /** Creates the list when missing. */
  ensureList(): Promise<void>;
  read(): Promise<ChefsacheSettings>;
  /** Writes a key; returns false when the stored value was equal already (nothing written). */
  write<K extends SettingKey>(key: K, value: SettingValue<K>, equal?: (stored: SettingValue<K>) => boolean): Promise<boolean>;
}

export function createSettingsWriter(graph: Graph, siteUrl: string): SettingsWriter {
  let client: Promise<ListItemsClient> | undefined;
  const list = () => (client ??= openList(graph, siteUrl, true).then((c) => c!));
  return {
    ensureList: async () => {
      await list();
    },
    read: async () => parse(await (await list()).queryAll({ select: ['Title', 'Value'] })),
    write: async (key, value, equal) => {
      const items = await list();
      const parsed = SETTING_SCHEMAS[key].parse(value);
      const existing = (await items.queryAll({ select: ['Title', 'Value'] })).find((item) => keyOf(item) === key);
      const stored = existing ? parse([existing]) : undefined;
      const storedValue = stored?.[key as keyof ChefsacheSettings] as SettingValue<typeof key> | undefined;
      if (storedValue !== undefined && (equal ? equal(storedValue) : JSON.stringify(storedValue) === JSON.stringify(parsed))) return false;
      const fields = { Title: key, Value: JSON.stringify(parsed) };
      if (existing) await items.updateFields(existing.id, fields, existing.etag);
      else await items.create(fields);
      return true;
    },
  };
}
