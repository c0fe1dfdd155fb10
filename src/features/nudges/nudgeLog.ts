/**
 * What was sent, kept in SharePoint (list `LIST_NAMES.nudges` on the evidence site, created by setup, add-only for
 * top management and the ISB): one item per nudge, recipient and local day, `Title` = `<kind>|<recipient id>|<day>`.
 * Whoever opens the dashboard next reads it, so nobody is notified twice for the same alarm on the same day,
 * whichever browser or person triggered the first.
 */
import { GraphNotFoundError, LIST_NAMES, type GraphGateways, type ListItemsClient } from '../../graph';
import type { NudgeKind } from './nudgeRules';

export interface NudgeLog {
  /** Keys sent on `day`; undefined when the list does not exist (setup has not run). */
  sentOn(day: string): Promise<Set<string> | undefined>;
  record(key: string): Promise<void>;
}

export const nudgeKey = (kind: NudgeKind, recipientId: string, day: string) => `${kind}|${recipientId}|${day}`;

export function createNudgeLog(graph: Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>, siteUrl: string): NudgeLog {
  let client: Promise<ListItemsClient | undefined> | undefined;
  const open = () =>
    (client ??= (async () => {
      const site = await graph.sites.fromWebUrl(siteUrl);
      try {
        const list = await graph.lists.get(site.id, LIST_NAMES.nudges);
        return graph.listItems.forList(site.id, list.id);
      } catch (error) {
        if (error instanceof GraphNotFoundError) return undefined;
        throw error;
      }
    })().catch((error: unknown) => {
      client = undefined;
      throw error;
    }));
  return {
    sentOn: async (day) => {
      const items = await open();
      if (!items) return undefined;
      const all = await items.queryAll({ select: ['Title'] });
      return new Set(all.map((i) => String(i.fields.Title ?? '')).filter((t) => t.endsWith(`|${day}`)));
    },
    record: async (key) => {
      const items = await open();
      if (!items) throw new Error(`The list "${LIST_NAMES.nudges}" does not exist.`);
      await items.create({ Title: key }, { idempotencyKey: key });
    },
  };
}
