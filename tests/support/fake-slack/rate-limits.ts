// Slack's rate limits for the fake, opt-in (fake.enforceRateLimits): chat.postMessage's special
// limit of about one message a second per channel (a DM included), and each method's limit per
// workspace (its tier), refused as Slack refuses: HTTP 429 with Retry-After in whole seconds.
//
// Each limit is a token bucket (GCRA): `perMinute` sustained, `burst` calls at once. Slack does
// not publish its algorithm, only "sporadic bursts are welcome"; a bucket is the simplest shape
// with that property, it does not refuse a client that paces evenly at the limit for a few ms
// of network jitter, and the ideal time for n calls is exact: (n - burst) × 60,000 / perMinute ms.
// A refused call costs nothing (it is not counted against the bucket).

export interface Limit {
  perMinute: number;
  /** Calls allowed back to back from a full bucket (at least 1). */
  burst: number;
}

export interface RateLimitRules {
  /** chat.postMessage into one channel or DM, per workspace. */
  perChannel: Limit | null;
  /** Per Web API method, per workspace. Methods not listed are not limited. */
  methods: Record<string, Limit>;
}

/** Slack's tiers (https://docs.slack.dev/apis/web-api/rate-limits): the published floor per minute. */
export const TIERS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;

/** A tier's rate, with bursts of a tenth of a minute's worth (our choice; Slack only says "bursts"). */
export function tier(n: keyof typeof TIERS): Limit {
  const perMinute = TIERS[n];
  return { perMinute, burst: Math.max(1, Math.floor(perMinute / 10)) };
}

/**
 * Slack's documented limits for what Lederrum calls. chat.postMessage is a special tier: one a
 * second per channel (short bursts "not guaranteed", so none here) and "several hundred per
 * minute" per workspace, taken as 300, the figure src/delivery/pacing.ts assumes, with 1 s of burst.
 */
export const SLACK_RATE_LIMITS: RateLimitRules = {
  perChannel: { perMinute: 60, burst: 1 },
  methods: {
    'chat.postMessage': { perMinute: 300, burst: 5 },
    'chat.update': tier(3),
    'chat.postEphemeral': tier(4),
    'conversations.open': tier(3),
    'conversations.members': tier(4),
    'users.info': tier(4),
    'views.open': tier(4),
    'views.update': tier(4),
    'views.publish': tier(4),
  },
};

/** The same limits `factor` times as fast (a bench's "fast Slack"); bursts stay the same count. */
export function scaledLimits(rules: RateLimitRules, factor: number): RateLimitRules {
  const scale = (limit: Limit): Limit => ({ ...limit, perMinute: limit.perMinute * factor });
  return {
    perChannel: rules.perChannel ? scale(rules.perChannel) : null,
    methods: Object.fromEntries(Object.entries(rules.methods).map(([method, limit]) => [method, scale(limit)])),
  };
}

/** The least time n calls can take under one limit, from the first call to the last (ms). */
export function floorMs(limit: Limit, calls: number): number {
  return (Math.max(0, calls - limit.burst) * 60_000) / limit.perMinute;
}

export class RateLimiter {
  private rules: RateLimitRules | null = null;
  /** Per bucket, its "theoretical arrival time": when it is empty again, in ms. */
  private readonly due = new Map<string, number>();

  /** Starts (or, with null, stops) enforcing; buckets start full. */
  enforce(rules: RateLimitRules | null): void {
    this.rules = rules;
    this.due.clear();
  }

  /**
   * Whether a call may go now; if not, the seconds Slack would put in Retry-After (rounded up,
   * at least 1). `channel` is the conversation a chat.postMessage names.
   */
  check(method: string, teamId: string, channel: string | undefined, now: number): { retryAfterSeconds: number } | null {
    if (!this.rules) return null;
    const buckets: Array<[string, Limit]> = [];
    const perMethod = this.rules.methods[method];
    if (perMethod) buckets.push([`${teamId}|${method}`, perMethod]);
    if (method === 'chat.postMessage' && channel && this.rules.perChannel) buckets.push([`${teamId}|#${channel}`, this.rules.perChannel]);
    let waitMs = 0;
    for (const [key, limit] of buckets) {
      const interval = 60_000 / limit.perMinute;
      const allowedFrom = (this.due.get(key) ?? now) - (limit.burst - 1) * interval;
      waitMs = Math.max(waitMs, allowedFrom - now);
    }
    if (waitMs > 0) return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    for (const [key, limit] of buckets) this.due.set(key, Math.max(this.due.get(key) ?? now, now) + 60_000 / limit.perMinute);
    return null;
  }
}
