/**
 * Counters for GET /_admin/stats: requests total and per route ("GET /users/{id}"), and SharePoint
 * resource units (ru.ts) total and per route, inner $batch requests and the file host included.
 */
export interface StatsSnapshot {
  requests: number;
  byRoute: Record<string, number>;
  ru: { total: number; byRoute: Record<string, number> };
}

export class RequestStats {
  private total = 0;
  private byRoute: Record<string, number> = {};
  private ruTotal = 0;
  private ruByRoute: Record<string, number> = {};

  count(routeKey: string): void {
    this.total += 1;
    this.byRoute[routeKey] = (this.byRoute[routeKey] ?? 0) + 1;
  }

  chargeRu(routeKey: string, units: number): void {
    if (units === 0) return;
    this.ruTotal += units;
    this.ruByRoute[routeKey] = (this.ruByRoute[routeKey] ?? 0) + units;
  }

  snapshot(): StatsSnapshot {
    return { requests: this.total, byRoute: { ...this.byRoute }, ru: { total: this.ruTotal, byRoute: { ...this.ruByRoute } } };
  }

  reset(): void {
    this.total = 0;
    this.byRoute = {};
    this.ruTotal = 0;
    this.ruByRoute = {};
  }
}
