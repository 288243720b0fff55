// Liveness and readiness: /healthz answers while the process lives and never asks the database;
// /readyz answers 200 only while the database answers, every committed migration is applied and
// the scheduler (where it runs) ticks, else 503 naming the failing check, without messages,
// connection strings or secrets. PostgreSQL is taken away through a loopback proxy and brought back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/store/migrate.ts';
import { runCheck, schedulerCheck } from '../../src/app/health.ts';
import { startTestApp } from '../support/app.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { ManualClock } from '../support/fakes.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

type App = Awaited<ReturnType<typeof startTestApp>>;

async function probe(app: App, path: '/healthz' | '/readyz') {
  const started = Date.now();
  const response = await fetch(new URL(path, app.url), { signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), text, ms: Date.now() - started };
}

async function until<T>(probeOnce: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probeOnce();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const MIGRATIONS = readMigrations().map((m) => m.name);

describe('readiness on a fresh app (PGlite)', () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(async () => app?.close());

  it('is ready: the database answers, every migration is applied, the scheduler is not run here', async () => {
    const ready = await probe(app, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      ok: true,
      checks: {
        database: { ok: true, ms: expect.any(Number) },
        migrations: { ok: true, expected: MIGRATIONS.length, applied: MIGRATIONS.length },
        scheduler: { ok: true, running: false },
        outbox: { ok: true, running: false, oldestPendingMs: null },
      },
    });
    expect((await probe(app, '/healthz')).body).toEqual({ ok: true });
  });

  it('is not ready while a committed migration is missing from the database', async () => {
    const last = MIGRATIONS.at(-1)!;
    const [row] = await app.database.prisma.$queryRaw<Array<Record<string, unknown>>>`SELECT * FROM "_prisma_migrations" WHERE migration_name = ${last}`;
    await app.database.prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last}`;
    try {
      const ready = await probe(app, '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.migrations).toEqual({ ok: false, expected: MIGRATIONS.length, applied: MIGRATIONS.length - 1, missing: [last] });
      expect(ready.body.checks.database.ok).toBe(true);
    } finally {
      await app.database.prisma
        .$executeRaw`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (${row!['id']}, ${row!['checksum']}, ${last}, now(), now(), 1)`;
    }
    expect((await probe(app, '/readyz')).status).toBe(200);
  });
});

describe('the scheduler check', () => {
  it('passes while node-cron ticks, and fails once the last tick is older than 3 intervals and a margin', async () => {
    const clock = new ManualClock(new Date('2026-12-01T08:00:00Z'));
    const app = await startTestApp({ clock, manualTicks: false, env: { SCHEDULER_TICK_SECONDS: '1' } });
    try {
      const first = await until(
        () => probe(app, '/readyz'),
        (r) => r.body.checks.scheduler.lastTickAt !== null,
        5_000,
      );
      expect(first.status).toBe(200);
      expect(first.body.checks.scheduler).toMatchObject({ ok: true, running: true, lastTickAt: '2026-12-01T08:00:00.000Z' });
      await app.scheduler.stop();
      clock.advance(3 * 1000 + 10_000 + 1);
      const stale = await probe(app, '/readyz');
      expect(stale.status).toBe(503);
      expect(stale.body.checks.scheduler).toMatchObject({ ok: false, running: true, limitMs: 13_000 });
    } finally {
      await app.close();
    }
  }, 30_000);

  it('counts from start-up before the first tick', async () => {
    const clock = new ManualClock();
    const check = schedulerCheck({ lastTickAt: null }, { enabled: true, tickSeconds: 5, now: () => clock.now(), marginMs: 0 });
    expect((await check.check()).ok).toBe(true);
    clock.advance(15_001);
    expect(await check.check()).toMatchObject({ ok: false, lastTickAt: null });
  });
});

describe('a check that throws or hangs', () => {
  it('reports the error code or "timeout", never the message', async () => {
    const failing = { name: 'x', check: async () => Promise.reject(Object.assign(new Error('connect to postgresql://app:s3cret@db.internal:5432/lederrum failed'), { code: 'ECONNREFUSED' })) };
    expect(await runCheck(failing)).toEqual({ ok: false, error: 'ECONNREFUSED' });
    const plain = { name: 'x', check: async () => Promise.reject(new Error('password=s3cret')) };
    expect(await runCheck(plain)).toEqual({ ok: false, error: 'failed' });
    const hanging = { name: 'x', check: () => new Promise<never>(() => {}) };
    expect(await runCheck(hanging, 50)).toEqual({ ok: false, error: 'timeout' });
  });
});

describe('readiness on PostgreSQL, with the database taken away and brought back', () => {
  let proxy: TcpProxy;
  let scratch: string;
  let app: App;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    proxy = await startTcpProxy({ port: Number(new URL(scratch).port || 5432) });
    app = await startTestApp({ database: { kind: 'postgresql', url: proxy.rewrite(scratch) } });
  }, 60_000);
  afterAll(async () => {
    proxy?.resume();
    await app?.close();
    await proxy?.close();
    if (scratch) await dropScratchDatabase(scratch);
  });

  it('is ready, then not ready within 3 s while the database hangs, yet alive; ready again once it is back', async () => {
    expect((await probe(app, '/readyz')).status).toBe(200);

    proxy.pause('hold');
    const down = await probe(app, '/readyz');
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(3_000);
    expect(down.body.checks.database).toEqual({ ok: false, error: 'timeout' });
    expect(down.text).not.toMatch(/postgres|127\.0\.0\.1|lederrum_test|password|\bat /i);
    const alive = await probe(app, '/healthz');
    expect([alive.status, alive.body, alive.ms < 1_000]).toEqual([200, { ok: true }, true]);

    proxy.resume();
    const back = await until(
      () => probe(app, '/readyz'),
      (r) => r.status === 200,
      15_000,
    );
    expect(back.status).toBe(200);
  }, 30_000);

  it('is not ready while the database refuses connections, and ready again after', async () => {
    proxy.pause('refuse');
    const down = await probe(app, '/readyz');
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(3_000);
    expect(down.body.checks.database.ok).toBe(false);
    expect((await probe(app, '/healthz')).status).toBe(200);

    proxy.resume();
    expect(
      (
        await until(
          () => probe(app, '/readyz'),
          (r) => r.status === 200,
          15_000,
        )
      ).status,
    ).toBe(200);
  }, 30_000);
});
