/**
 * SharePoint Online resource units (RU): what each Graph request to SharePoint/OneDrive costs, and the
 * per-app-per-tenant budget per minute.
 *
 * Source: Microsoft Learn, "Avoid getting throttled or blocked in SharePoint Online"
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 *   1 RU: single item query (get item), delta with a token, download a file from a drive item
 *   2 RU: multi-item query (list children, …) except delta with token; create, update, delete, upload
 *   5 RU: all permission resource operations (including $expand=permissions)
 *   Requests inside $batch are counted one by one. Throttled requests count towards the limit.
 *   App limit per minute by licence count: 0–1k 1,200 · 1k–5k 2,400 · 5k–15k 3,600 · 15k–50k 4,800 · 50k+ 6,000.
 *   Over the limit: 429 with Retry-After; RateLimit-Limit/-Remaining/-Reset near the limit (≥ 80 %).
 * Only SharePoint/OneDrive resources cost RU: directory, mail, calendar, To Do are other services.
 */
import { z } from 'zod';

const SHAREPOINT_PATH = /^\/(sites|drives)(\/|$)|\/drive(\/|$)/i;
const COLLECTION_END = /\/(items|children|lists|drives|columns|delta|sites|versions)$/i;

/** Licence tiers of the page's table: upper licence count (exclusive) → RU per app per minute. */
export const RU_TIERS: readonly { maxLicences: number; perMinute: number }[] = [
  { maxLicences: 1_000, perMinute: 1_200 },
  { maxLicences: 5_000, perMinute: 2_400 },
  { maxLicences: 15_000, perMinute: 3_600 },
  { maxLicences: 50_000, perMinute: 4_800 },
  { maxLicences: Number.POSITIVE_INFINITY, perMinute: 6_000 },
];

export function perMinuteForLicences(licences: number): number {
  return (RU_TIERS.find((t) => licences < t.maxLicences) ?? RU_TIERS[RU_TIERS.length - 1]!).perMinute;
}

/** RU of one Graph request (route pattern as registered, e.g. `/sites/{site+}/lists/{list}/items`). */
export function graphRequestCost(method: string, pattern: string, query: URLSearchParams): number {
  if (pattern === '/$batch' || !SHAREPOINT_PATH.test(pattern)) return 0;
  if (/\/permissions(\/|$)|\/(invite|createLink)$/i.test(pattern) || /permissions/i.test(query.get('$expand') ?? '')) return 5;
  if (method !== 'GET' && method !== 'HEAD') return 2;
  if (/\/delta$/i.test(pattern)) return query.has('token') || query.has('$deltatoken') || query.has('$skiptoken') ? 1 : 2;
  return COLLECTION_END.test(pattern) ? 2 : 1;
}

/** RU of a request on the SharePoint file host: a download costs 1, an upload fragment 2, a session status read 1. */
export function fileHostCost(method: string): number {
  return method === 'PUT' || method === 'POST' ? 2 : method === 'DELETE' ? 2 : 1;
}

/** `windowSeconds` (default 60) shortens the minute for tests; the budget per window stays as given. */
const windowSeconds = z.number().int().min(1).max(60).optional();
export const ruBudgetSchema = z.union([
  z.object({ perMinute: z.number().int().min(1).max(1_000_000), windowSeconds }).strict(),
  z.object({ licences: z.number().int().min(0), windowSeconds }).strict(),
]);
export type RuBudgetRequest = z.infer<typeof ruBudgetSchema>;

export interface RuCharge {
  throttled: boolean;
  /** Headers to add: Retry-After when throttled, RateLimit-* at 80 % of the budget and above. */
  headers: Record<string, string>;
}

/** Per-app-per-tenant RU windows (one minute each, fixed); off until a budget is set. */
export class ResourceUnitBudget {
  private perMinute: number | undefined;
  private windowMs = 60_000;
  private windows = new Map<string, { start: number; used: number }>();

  constructor(perMinute?: number) {
    this.perMinute = perMinute;
  }

  set(request: RuBudgetRequest | undefined): void {
    this.perMinute = request === undefined ? undefined : 'perMinute' in request ? request.perMinute : perMinuteForLicences(request.licences);
    this.windowMs = (request?.windowSeconds ?? 60) * 1000;
    this.windows.clear();
  }

  state(): { enabled: boolean; perMinute: number | null; windowSeconds: number } {
    return { enabled: this.perMinute !== undefined, perMinute: this.perMinute ?? null, windowSeconds: this.windowMs / 1000 };
  }

  /** Charges `units` to `app@tenant`; a throttled request still counts (as the page says). */
  charge(appKey: string, units: number, nowMs: number): RuCharge {
    const limit = this.perMinute;
    if (limit === undefined || units === 0) return { throttled: false, headers: {} };
    let window = this.windows.get(appKey);
    if (!window || nowMs - window.start >= this.windowMs) {
      window = { start: nowMs, used: 0 };
      this.windows.set(appKey, window);
    }
    const throttled = window.used + units > limit;
    window.used += units;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - nowMs) / 1000));
    const headers: Record<string, string> = {};
    if (window.used >= limit * 0.8) {
      headers['RateLimit-Limit'] = String(limit);
      headers['RateLimit-Remaining'] = String(Math.max(0, limit - window.used));
      headers['RateLimit-Reset'] = String(resetSeconds);
    }
    if (throttled) headers['Retry-After'] = String(resetSeconds);
    return { throttled, headers };
  }
}
