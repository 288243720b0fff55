// Liveness and readiness. /healthz says the process serves HTTP, and touches nothing else (a
// probe that restarts the process must not fire because the database is away). /readyz runs a
// list of named checks side by side, each within a time limit, and answers 200 only when all
// pass, 503 otherwise, with each check's name, ok and detail. Details are codes and counts: no
// error messages, stack traces, connection strings or secrets. A new check is one more
// ReadinessCheck in the list the composition root hands to mountHealth.
import type { Express } from 'express';
import { readMigrations } from '../store/migrate.ts';

export type CheckResult = { ok: boolean } & Record<string, unknown>;

export interface ReadinessCheck {
  /** The key of this check in /readyz's body, e.g. 'database'. */
  name: string;
  /** Resolves with ok and whatever detail helps an operator; may throw (reported as its error code). */
  check(): Promise<CheckResult>;
}

/** Each check gets this long before it counts as failed with error 'timeout'. */
export const CHECK_TIMEOUT_MS = 2_000;

const CODE = /^[A-Z0-9_]{2,40}$/i;

/** A thrown error as a safe detail: its code (ECONNREFUSED, a SQLSTATE, a Prisma code), never its message. */
export function errorDetail(error: unknown): { error: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return { error: typeof code === 'string' && CODE.test(code) ? code : 'failed' };
}

export async function runCheck(check: ReadinessCheck, timeoutMs = CHECK_TIMEOUT_MS): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: 'timeout' }), timeoutMs);
  });
  try {
    return await Promise.race([check.check().catch((error: unknown) => ({ ok: false, ...errorDetail(error) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Mounts /healthz and /readyz. `checks` is read per request, so checks added to it later count. */
export function mountHealth(http: Express, checks: readonly ReadinessCheck[], options: { timeoutMs?: number } = {}): void {
  http.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ok: true });
  });
  http.get('/readyz', async (_req, res) => {
    const results = await Promise.all(checks.map(async (c) => [c.name, await runCheck(c, options.timeoutMs)] as const));
    const ok = results.every(([, result]) => result.ok);
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ ok, checks: Object.fromEntries(results) });
  });
}

/** What readiness asks of the database; src/store/health.ts answers it with SQL. */
export interface DatabaseProbe {
  /** Resolves once the database answered a trivial query. */
  ping(): Promise<void>;
  /** The names of the migrations applied and finished (not rolled back). */
  appliedMigrations(): Promise<string[]>;
}

/** The database answers a query. */
export function databaseCheck(database: DatabaseProbe): ReadinessCheck {
  return {
    name: 'database',
    async check() {
      const started = Date.now();
      await database.ping();
      return { ok: true, ms: Date.now() - started };
    },
  };
}

/** Every migration committed with this version is applied (the committed folders vs those the database records). */
export function migrationsCheck(database: DatabaseProbe, expected: readonly string[] = readMigrations().map((m) => m.name)): ReadinessCheck {
  return {
    name: 'migrations',
    async check() {
      const applied = new Set(await database.appliedMigrations());
      const missing = expected.filter((name) => !applied.has(name));
      return { ok: missing.length === 0, expected: expected.length, applied: applied.size, ...(missing.length > 0 ? { missing } : {}) };
    },
  };
}

export interface SchedulerHeartbeat {
  /** When the scheduler's last tick ended; null before the first. */
  readonly lastTickAt: Date | null;
}

/**
 * The scheduler ticks: its last tick ended within 3 tick intervals plus a margin (counted from
 * start-up before the first). Where it does not run here, it is reported as off and passes.
 */
export function schedulerCheck(scheduler: SchedulerHeartbeat, options: { enabled: boolean; tickSeconds: number; now: () => Date; marginMs?: number }): ReadinessCheck {
  const since = options.now();
  const limitMs = 3 * options.tickSeconds * 1000 + (options.marginMs ?? 10_000);
  return {
    name: 'scheduler',
    async check() {
      if (!options.enabled) return { ok: true, running: false };
      const last = scheduler.lastTickAt;
      const ageMs = options.now().getTime() - (last ?? since).getTime();
      return { ok: ageMs <= limitMs, running: true, lastTickAt: last?.toISOString() ?? null, ageMs, limitMs };
    },
  };
}

export interface OutboxHeartbeat {
  /** When the worker's loop last claimed (wall time); null before its first pass. */
  readonly lastPassAt: Date | null;
  /** The age of the oldest message still waiting; null when none waits. */
  oldestPendingAgeMs(): Promise<number | null>;
}

/**
 * The outbox worker passes (within 30 s, counted from start-up before its first) where it runs
 * here; the lag of the oldest waiting message is reported either way (another replica may be
 * the one delivering), so an operator sees delivery falling behind.
 */
export function outboxCheck(outbox: OutboxHeartbeat, options: { running: boolean; limitMs?: number }): ReadinessCheck {
  const since = Date.now();
  const limitMs = options.limitMs ?? 30_000;
  return {
    name: 'outbox',
    async check() {
      const oldestPendingMs = await outbox.oldestPendingAgeMs();
      if (!options.running) return { ok: true, running: false, oldestPendingMs };
      const ageMs = Date.now() - (outbox.lastPassAt?.getTime() ?? since);
      return { ok: ageMs <= limitMs, running: true, lastPassAgeMs: ageMs, oldestPendingMs };
    },
  };
}
