/** Request counters for GET /_admin/stats: total and per route ("GET /users/{id}"). */
export class RequestStats {
  private total = 0;
  private byRoute: Record<string, number> = {};

  count(routeKey: string): void {
    this.total += 1;
    this.byRoute[routeKey] = (this.byRoute[routeKey] ?? 0) + 1;
  }

  snapshot(): { requests: number; byRoute: Record<string, number> } {
    return { requests: this.total, byRoute: { ...this.byRoute } };
  }

  reset(): void {
    this.total = 0;
    this.byRoute = {};
  }
}
