// What Slack told us, kept for a while (by the injected clock) so a busy channel does not spend
// Slack's rate limit asking the same question again: profiles, channel facts.
import type { Clock } from '../../src/core/index.ts';

export class TtlCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** The value while it is fresh. */
  fresh(key: string): T | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > this.clock.now().getTime() ? hit.value : undefined;
  }

  /** The value, however old: for words shown before any lookup. */
  any(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: T): T {
    this.entries.set(key, { value, until: this.clock.now().getTime() + this.ttlMs });
    return value;
  }
}
