/**
 * Fault injection for Graph routes (docs/architecture.md). Off until rules are set.
 * Each rule matching a request (path regex on the part after /v1.0, optional method) is
 * evaluated in order: its latency is added, then one random draw r picks the outcome by
 * cumulative shares: r < rateDrop → drop the socket; < +rate429 → 429; < +rate503 → 503;
 * < +rate500 → 500. The first rule that fires an outcome decides. `times` limits a rule to
 * its next N matching requests.
 */
import { z } from 'zod';
import { seededRandom } from './random';

const share = z.number().min(0).max(1);

export const faultRuleSchema = z
  .object({
    path: z
      .string()
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, 'path must be a valid regular expression')
      .optional(),
    method: z.string().toUpperCase().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    rate429: share.optional(),
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    rate503: share.optional(),
    rate500: share.optional(),
    rateDrop: share.optional(),
    times: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((r) => (r.rate429 ?? 0) + (r.rate503 ?? 0) + (r.rate500 ?? 0) + (r.rateDrop ?? 0) <= 1 + 1e-9, {
    message: 'rate429 + rate503 + rate500 + rateDrop must not exceed 1',
  });
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const faultConfigSchema = z
  .object({
    rules: z.array(faultRuleSchema).max(100),
    /** Seed for the random draws; without it, draws are not reproducible. */
    seed: z.number().int().optional(),
  })
  .strict();
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultOutcome =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'error'; status: 429 | 503 | 500; retryAfterSeconds?: number };

export interface FaultDecision {
  latencyMs: number;
  outcome: FaultOutcome;
}

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp | undefined;
  remaining: number | undefined;
}

export interface FaultState {
  rules: (FaultRule & { remaining?: number })[];
  seed?: number;
}

export class FaultInjector {
  private active: ActiveRule[] = [];
  private seed: number | undefined;
  private random: () => number = Math.random;

  set(config: FaultConfig): void {
    this.active = config.rules.map((rule) => ({
      rule,
      regex: rule.path === undefined ? undefined : new RegExp(rule.path),
      remaining: rule.times,
    }));
    this.seed = config.seed;
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
  }

  clear(): void {
    this.set({ rules: [] });
  }

  state(): FaultState {
    const rules = this.active.map((a) => (a.remaining === undefined ? { ...a.rule } : { ...a.rule, remaining: a.remaining }));
    return this.seed === undefined ? { rules } : { rules, seed: this.seed };
  }

  /** `path`: the request path after /v1.0 (with query string, as the regex may look at it). */
  decide(method: string, path: string): FaultDecision {
    let latencyMs = 0;
    let outcome: FaultOutcome = { kind: 'none' };
    for (const a of this.active) {
      if (a.remaining !== undefined && a.remaining <= 0) continue;
      if (a.rule.method !== undefined && a.rule.method !== method.toUpperCase()) continue;
      if (a.regex && !a.regex.test(path)) continue;
      if (a.remaining !== undefined) a.remaining -= 1;
      latencyMs += a.rule.latencyMs ?? 0;
      if (outcome.kind !== 'none') continue;
      const r = this.random();
      let edge = a.rule.rateDrop ?? 0;
      if (r < edge) {
        outcome = { kind: 'drop' };
        continue;
      }
      edge += a.rule.rate429 ?? 0;
      if (r < edge) {
        outcome = { kind: 'error', status: 429, retryAfterSeconds: a.rule.retryAfterSeconds ?? 1 };
        continue;
      }
      edge += a.rule.rate503 ?? 0;
      if (r < edge) {
        outcome = a.rule.retryAfterSeconds === undefined ? { kind: 'error', status: 503 } : { kind: 'error', status: 503, retryAfterSeconds: a.rule.retryAfterSeconds };
        continue;
      }
      edge += a.rule.rate500 ?? 0;
      if (r < edge) outcome = { kind: 'error', status: 500 };
    }
    return { latencyMs, outcome };
  }
}

/** Graph's bodies for throttling and service errors. */
export const FAULT_ERRORS = {
  429: { code: 'TooManyRequests', message: 'Too many requests. Please retry after the time given in the Retry-After header.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry later.' },
  500: { code: 'generalException', message: 'An unexpected error occurred on the server.' },
} as const;
