// A poll's invitations as a fan-out of many private messages, for the outbox's failure tests
// (tests/delivery/): people in the database and in the fake Slack, a scheduled poll inviting them
// all, the poll opened the way the scheduler opens it (core openPoll, so the rows and HR's report
// are the ones production records), real app processes to deliver them, and counts read back
// from both sides: the rows in the database and the messages each person has at the fake.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadContent } from '../../src/content-loader/load.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { workspaceOf, type Person } from '../../src/core/index.ts';
import type { CoreDeps } from '../../src/core/context.ts';
import { openPoll } from '../../src/core/polls/jobs.ts';
import { databaseOutbox } from '../../src/delivery/outbox.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { OutboxWorker } from '../../src/delivery/worker.ts';
import type { AppOptions } from '../../src/app/app.ts';
import { createStore, type Database } from '../../src/store/index.ts';
import type { FakeSlack } from './fake-slack/index.ts';
import { MemoryLogger, RecordingDeliverer } from './fakes.ts';

export const TEAM = 'T0001';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 24 * 3600_000;

export interface Invitee extends Person {
  /** The person's Slack user id: where their DM is filed at the fake. */
  slackId: string;
}

export interface PollFanOut {
  pollId: string;
  title: string;
  people: Invitee[];
  hr: Invitee;
}

/** `count` people in the database and in the fake Slack, an HR person, and a poll that invites them all (not yet open). */
export async function seedPoll(db: Database, fake: FakeSlack, options: { count: number; title: string; hrLocale?: 'da' | 'en' }): Promise<PollFanOut> {
  const store = createStore(db.prisma);
  const person = async (slackId: string, name: string, locale?: 'da' | 'en'): Promise<Invitee> => {
    fake.addUser({ id: slackId, teamId: TEAM, name: slackId.toLowerCase(), realName: name });
    const created = await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', TEAM), externalId: `${TEAM}:${slackId}`, displayName: name, ...(locale ? { locale } : {}) });
    return { ...created, slackId };
  };
  const people: Invitee[] = [];
  for (let i = 0; i < options.count; i++) people.push(await person(`U${String(i).padStart(4, '0')}`, `Medlem ${i}`));
  const hr = await person('UHR', 'Hanne HR', options.hrLocale ?? 'en');
  const now = new Date();
  const poll = await store.createPoll(
    {
      title: options.title,
      instrumentId: 'who5',
      questions: [],
      createdById: hr.id,
      platform: 'slack',
      workspace: workspaceOf('slack', TEAM),
      audience: [],
      opensAt: now,
      closesAt: new Date(now.getTime() + 7 * DAY),
      reminders: 0,
      shareWithGroups: false,
      threshold: 3,
      continues: null,
    },
    people.map((p) => ({ personId: p.id, groupId: null })),
    now,
  );
  return { pollId: poll.id, title: options.title, people, hr };
}

/**
 * Opens the poll from the test process, as a replica's scheduler would: the invitations and the
 * batch HR hears about are recorded in the shared database, and only the replicas' workers
 * deliver (the worker here is never started: recording tells no one).
 */
export async function openPollFromHere(db: Database, pollId: string): Promise<void> {
  const clock = { now: () => new Date() };
  const logger = new MemoryLogger();
  const rows = outboxStore(db.prisma);
  const store = createStore(db.prisma);
  const deliverer = new RecordingDeliverer();
  const idle = new OutboxWorker({
    outbox: rows,
    people: store,
    deliverer,
    clock,
    logger,
    owner: 'test',
    pacing: { slack: { conversationMs: 0, workspaceMs: 0 }, teams: { conversationMs: 0, workspaceMs: 0 }, playground: { conversationMs: 0, workspaceMs: 0 } },
    defaultLanguage: 'da',
  });
  const deps: CoreDeps = {
    store,
    clock,
    deliverer,
    outbox: databaseOutbox(rows, idle, clock, 'worker'),
    logger,
    defaultLanguage: 'da',
    defaultTimeZone: 'Europe/Copenhagen',
    content: loadContent(),
    instruments: loadInstruments(),
  };
  await openPoll(deps, pollId);
  if (deliverer.privates.length > 0) throw new Error('openPollFromHere: the invitations were sent, not recorded');
}

export interface FanOutCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  unknown: number;
  total: number;
  /** Outcome codes of the rows that are not sent, with how many of each. */
  outcomes: Record<string, number>;
}

/** The poll's invitation rows by state (HR's report is a fan-out of its own and not counted). */
export async function fanOutCounts(db: Database, pollId: string): Promise<FanOutCounts> {
  const rows = await db.prisma.outboxMessage.groupBy({ by: ['state', 'outcome'], where: { key: { startsWith: `poll.invite:${pollId}|` } }, _count: { _all: true } });
  const counts: FanOutCounts = { pending: 0, sending: 0, sent: 0, failed: 0, unknown: 0, total: 0, outcomes: {} };
  for (const row of rows) {
    const n = row._count._all;
    counts[row.state as 'pending' | 'sending' | 'sent' | 'failed' | 'unknown'] += n;
    counts.total += n;
    if (row.outcome) counts.outcomes[row.outcome] = (counts.outcomes[row.outcome] ?? 0) + n;
  }
  return counts;
}

/** How many invitations each person has in their DM at the fake (0 for those who got none). */
export function invitationsAtFake(fake: FakeSlack, fanOut: PollFanOut): Map<string, number> {
  const counts = new Map<string, number>();
  for (const person of fanOut.people) counts.set(person.slackId, fake.directMessages(person.slackId).filter((m) => JSON.stringify(m.blocks ?? []).includes(fanOut.title)).length);
  return counts;
}

/** Invitations the fake accepted, by the tag of the replica that posted them. */
export function invitationsBySender(fake: FakeSlack, fanOut: PollFanOut): Map<string, number> {
  const invited = new Set(fanOut.people.map((p) => p.slackId));
  const counts = new Map<string, number>();
  for (const call of fake.calls) {
    if (call.method !== 'chat.postMessage' || call.error || !invited.has(String(call.args['channel']))) continue;
    const via = call.via ?? '?';
    counts.set(via, (counts.get(via) ?? 0) + 1);
  }
  return counts;
}

export function duplicatesOf(perPerson: Map<string, number>): number {
  return [...perPerson.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
}

/** Polls `probe` until it answers truthy; on timeout throws with what `describe` says about the state. */
export async function waitUntil<T>(probe: () => Promise<T | null | undefined | false>, options: { timeoutMs: number; everyMs?: number; describe?: () => Promise<string> | string }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitUntil gave up after ${options.timeoutMs} ms${options.describe ? `: ${await options.describe()}` : ''}`);
    await sleep(options.everyMs ?? 100);
  }
}

export interface Replica {
  index: number;
  child: ChildProcess;
  /** Where its HTTP server listens (health probes). */
  url: string;
}

/** Environment for a replica that delivers the outbox to the fake Slack, on real time; its calls carry `tag` there. */
export function replicaEnv(fake: FakeSlack, databaseUrl: string, tuning: AppOptions['outboxTuning'], tag?: string): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    PLAYGROUND: 'off',
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: fake.team().botToken,
    SLACK_SIGNING_SECRET: 'replica-signing-secret',
    SLACK_API_URL: tag ? fake.apiUrlVia(tag) : fake.apiUrl,
    SLACK_PACE_MS: '0',
    // Only the outbox is under test: no ticks (the poll is opened by the test).
    SCHEDULER: 'off',
    OUTBOX_TUNING: JSON.stringify(tuning),
  };
}

/**
 * tests/support/replica.ts bundled into one file next to the sources' depth (so the paths the
 * app finds from import.meta.url, content/ and prisma/migrations, still resolve), packages left
 * to node_modules. The same code as under tsx; a replica starts from it in a fraction of the time,
 * which is what lets a test restart one twenty times on a busy two-core machine.
 */
export async function bundleReplica(): Promise<{ path: string; remove(): void }> {
  const { build } = await import('esbuild');
  const path = join(ROOT, '.cache', 'replica', `replica-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  await build({ entryPoints: [join(ROOT, 'tests/support/replica.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile: path, logLevel: 'warning' });
  return { path, remove: () => rmSync(path, { force: true }) };
}

export interface LoadingReplica {
  index: number;
  child: ChildProcess;
  /** Resolves once its code is loaded (with hold: waiting for go()). */
  loaded: Promise<void>;
  /** Starts the app (with hold); resolves once it listens and its worker runs. */
  go(): Promise<Replica>;
}

/**
 * Spawns a replica, as `npm start` runs the app (one node process, so a signal reaches Lederrum
 * itself): from `bundle` when given, else tests/support/replica.ts under tsx's loader. With
 * `hold` it loads and waits for go(); without, go() only waits for it to be ready. Its output
 * goes to `output`, each line marked with its index.
 */
export function spawnReplica(index: number, env: Record<string, string>, output: string[], options: { bundle?: string; hold?: boolean } = {}): LoadingReplica {
  const args = options.bundle ? [options.bundle] : ['--import', 'tsx', 'tests/support/replica.ts'];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, ...(options.hold ? { REPLICA_HOLD: 'on' } : {}) }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(`[${index}] ${chunk}`));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(`[${index}!] ${chunk}`));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`replica ${index} exited (${code ?? signal}) before it was ready: ${output.slice(-20).join('')}`))),
  );
  exited.catch(() => undefined);
  const said = (what: 'loaded' | 'ready') =>
    new Promise<{ url?: string }>((resolve) => child.on('message', (message: { loaded?: boolean; ready?: boolean; url?: string }) => message[what] && resolve(message)));
  const loaded = options.hold ? said('loaded') : Promise.resolve({});
  const ready = said('ready');
  const whenLoaded = Promise.race([loaded, exited]).then(() => undefined);
  // One killed or stopped while it waited in reserve is no failure of the test.
  whenLoaded.catch(() => undefined);
  return {
    index,
    child,
    loaded: whenLoaded,
    async go() {
      await Promise.race([loaded, exited]);
      if (options.hold) child.send({ go: true });
      const { url } = await Promise.race([ready, exited]);
      return { index, child, url: url! };
    },
  };
}

/** Spawns a replica and resolves once it is ready. */
export function startReplica(index: number, env: Record<string, string>, output: string[], options: { bundle?: string } = {}): Promise<Replica> {
  return spawnReplica(index, env, output, options).go();
}

/** SIGKILL, as the OOM killer or a pulled plug would: no shutdown, nothing flushed. Resolves once it is gone. */
export function kill(replica: { child: ChildProcess }): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    replica.child.once('exit', () => resolve());
    replica.child.kill('SIGKILL');
  });
}

/** SIGTERM and wait: the app closes its worker and database. */
export function stop(replica: { child: ChildProcess }): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    replica.child.once('exit', () => resolve());
    replica.child.kill('SIGTERM');
  });
}
