// The real entry point, as `npm start` runs it, in a child process: it prints where the
// playground is, serves it, stops cleanly on SIGTERM, and refuses bad configuration or an
// unreachable database with a plain message (exit code 1, no stack trace).
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, killCompiled, startCompiled, type CompiledApp } from '../support/compiled-app.ts';
import { startFakeSlack } from '../support/fake-slack/index.ts';

const READY_WITHIN_MS = 40_000;

type Started = CompiledApp;

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) killCompiled(child);
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lederrum-startup-'));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>): Started {
  const started = startCompiled(env);
  children.push(started.child);
  return started;
}

/** Waits, bounded, until stdout announces the playground, and returns its URL. */
async function playgroundUrl(started: Started): Promise<string> {
  const deadline = Date.now() + READY_WITHIN_MS;
  const pattern = /Lederrum playground: (http:\/\/localhost:(\d+)\/)/;
  while (Date.now() < deadline) {
    const match = pattern.exec(started.stdout());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no playground line within ${READY_WITHIN_MS} ms.\nstdout:\n${started.stdout()}\nstderr:\n${started.stderr()}`);
}

/** Waits, bounded, for the process to exit by itself. */
async function exitOf(started: Started, withinMs = READY_WITHIN_MS) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${withinMs} ms.\nstderr:\n${started.stderr()}`)), withinMs);
  });
  try {
    return await Promise.race([started.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start (node dist/src/main.js)', () => {
  beforeAll(() => {
    const build = buildOnce();
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it('announces the playground, serves the page and /healthz, and exits 0 on SIGTERM', async () => {
    const started = start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: await freshDataDir(), LOG_LEVEL: 'info' });
    const url = await playgroundUrl(started);
    expect(url).not.toMatch(/:0\/$/);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    const token = /<meta name="playground-token" content="([^"]+)">/.exec(html)?.[1];
    expect(token).toBeDefined();
    expect(token).not.toBe('__PLAYGROUND_TOKEN__');
    expect(token!.length).toBeGreaterThanOrEqual(16);

    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    // The log lines on stdout are JSON, one per line, and say where the data lives.
    const logLines = started
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    const running = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l['message'] === 'Lederrum is running');
    expect(running).toMatchObject({ level: 'info', playground: url });
    expect(String(running?.['database'])).toContain('PGlite at ');

    // A page left open keeps its live feed connected; stopping must not wait for it.
    const feed = await fetch(new URL(`/api/events?token=${encodeURIComponent(token!)}`, url));
    expect(feed.status).toBe(200);
    const reader = feed.body!.getReader();
    await reader.read();

    started.child.kill('SIGTERM');
    const { code, signal } = await exitOf(started, 20_000);
    await reader.cancel().catch(() => undefined);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(started.stderr()).toBe('');
  }, 60_000);

  it('with Slack credentials, serves /slack/events (refusing unsigned requests) and no playground', async () => {
    const fake = await startFakeSlack();
    try {
      const started = start({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: await freshDataDir(),
        SLACK_BOT_TOKEN: fake.team().botToken,
        SLACK_SIGNING_SECRET: 'startup-test-signing-secret',
        SLACK_API_URL: fake.apiUrl,
      });
      const deadline = Date.now() + READY_WITHIN_MS;
      let ready: Record<string, unknown> | undefined;
      while (!ready && Date.now() < deadline && started.child.exitCode === null) {
        ready = started
          .stdout()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((l) => l['message'] === 'slack ready');
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready, started.stderr()).toBeDefined();
      const events = /http (\S+slack\/events)/.exec(String(ready!['transport']))![1]!;
      expect(started.stdout()).not.toContain('Lederrum playground:');
      const unsigned = await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'url_verification', challenge: 'x' }) });
      expect(unsigned.status).toBe(401);
      started.child.kill('SIGTERM');
      expect((await exitOf(started, 20_000)).code).toBe(0);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it('stops with exit code 1 and a plain reason when PostgreSQL cannot be reached', async () => {
    const started = start({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: await freshDataDir(),
      LOG_LEVEL: 'info',
      DATABASE_URL: 'postgresql://postgres:secret@127.0.0.1:1/nope',
    });
    const { code } = await exitOf(started);
    expect(code).toBe(1);
    const stderr = started.stderr();
    expect(stderr).toMatch(/cannot start/i);
    expect(stderr).toContain('postgresql://postgres:***@127.0.0.1:1/nope');
    expect(stderr).not.toContain('secret');
    expect(started.stdout()).not.toContain('secret');
    expect(stderr).toContain('ECONNREFUSED');
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(started.stdout()).not.toContain('Lederrum playground:');
  }, 60_000);

  it('stops with exit code 1 naming PORT and an example when PORT=abc', async () => {
    const started = start({ PORT: 'abc', HOST: '127.0.0.1', DATA_DIR: await freshDataDir(), LOG_LEVEL: 'info' });
    const { code } = await exitOf(started);
    expect(code).toBe(1);
    const stderr = started.stderr();
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('"abc"');
    expect(stderr).toContain('Example: PORT=3978');
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(started.stdout()).not.toContain('Lederrum playground:');
  }, 60_000);
});
