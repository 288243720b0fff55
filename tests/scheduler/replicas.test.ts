// Three real Lederrum processes on one PostgreSQL database, sharing a fast clock, deliver every
// scheduled occurrence exactly once: 60 reminders and a check-in that opens every 10 minutes
// and closes 5 minutes later, counted where they arrive, at the fake Slack Web API.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, createStore, type Database } from '../../src/store/index.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { ManualClock } from '../support/fakes.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// As `npm start` runs it: one node process with tsx's loader, so signals reach Lederrum itself
// (the tsx CLI relays them through a second process, which under load can exit 143 instead).
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'] as const;
const TEAM = 'T0001';
const SPEED = 240; // four simulated minutes per real second
const START = new Date('2026-12-07T08:00:00Z').getTime();
const WINDOW_MINUTES = 60;
const MINUTE = 60_000;

let url: string;
let database: Database;
let fake: FakeSlack;
const children: ChildProcess[] = [];
const output: string[] = [];

async function seed(): Promise<{ nudged: string[]; planned: string }> {
  const store = createStore(database.prisma);
  const schedules = scheduleStore(database.prisma);
  const clock = new ManualClock(new Date(START));
  const nudged: string[] = [];
  for (let g = 0; g < 3; g++) {
    const channel = `CNUDGE${g}`;
    fake.addChannel({ id: channel, name: `nudges-${g}`, members: [fake.team().botUserId] });
    const people = [];
    for (let m = 0; m < 20; m++) {
      const id = `U${g}M${String(m).padStart(2, '0')}`;
      people.push(await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId: `${TEAM}:${id}`, displayName: `Member ${g}-${m}` }));
      nudged.push(id);
    }
    const facilitator = people[0]!;
    const group = await store.createGroup({
      platform: 'slack',
      workspace: workspaceOf('slack', 'T0001'),
      conversationId: `${TEAM}:${channel}`,
      name: `Gruppe ${g}`,
      language: 'da',
      timeZone: 'Europe/Copenhagen',
      facilitatorId: facilitator.id,
      memberIds: people.slice(1).map((p) => p.id),
    });
    const checkin = await store.startCheckin(group.id, clock.now());
    const round = checkin.rounds[0]!;
    await store.setRoundMessage(round.id, '1700000000.000001');
    for (const [i, person] of people.entries()) {
      const at = new Date(START + (2 + ((g * 20 + i) % 50)) * MINUTE);
      await schedules.put({ kind: 'nudge', subject: `${round.id}:${person.id}`, groupId: group.id, timeZone: 'UTC', nextAt: at, payload: { roundId: round.id, personId: person.id } }, clock.now());
    }
  }
  const planned = 'CPLANNED';
  fake.addChannel({ id: planned, name: 'planned', members: [fake.team().botUserId] });
  const owner = await store.upsertPerson({ platform: 'slack', workspace: workspaceOf('slack', 'T0001'), externalId: `${TEAM}:UOWNER`, displayName: 'Owner' });
  const group = await store.createGroup({
    platform: 'slack',
    workspace: workspaceOf('slack', 'T0001'),
    conversationId: `${TEAM}:${planned}`,
    name: 'Planlagt',
    language: 'da',
    timeZone: 'Europe/Copenhagen',
    facilitatorId: owner.id,
    memberIds: [],
  });
  await store.setNudgePreferences(owner.id, { level: 'off' });
  await schedulePlanner(schedules, clock).setCheckinPlan(group, { open: { cron: '*/10 * * * *', everyNthWeek: 1 }, close: { cron: '5-59/10 * * * *', everyNthWeek: 1 } });
  return { nudged, planned };
}

/** Starts a replica; resolves once it is ready (its app listening, its scheduler running). */
function startReplica(index: number): Promise<ChildProcess> {
  const child = spawn(NODE_WITH_TSX[0], [...NODE_WITH_TSX.slice(1), 'tests/support/replica.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      PLAYGROUND: 'off',
      LOG_LEVEL: 'warn',
      SLACK_BOT_TOKEN: fake.team().botToken,
      SLACK_SIGNING_SECRET: 'replica-signing-secret',
      SLACK_API_URL: fake.apiUrl,
      SLACK_PACE_MS: '0',
      SCHEDULER_TICK_SECONDS: '1',
      CLOCK_START: String(START),
      CLOCK_SPEED: String(SPEED),
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => output.push(`[${index}] ${chunk}`));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => output.push(`[${index}!] ${chunk}`));
  children.push(child);
  return new Promise((resolve, reject) => {
    child.on('message', (message: { ready?: boolean }) => message.ready && resolve(child));
    child.once('exit', (code) => reject(new Error(`replica ${index} exited with ${code}: ${output.join('')}`)));
  });
}

let seeded: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  url = await createScratchDatabase();
  database = await openDatabase({ kind: 'postgresql', url });
  fake = await startFakeSlack({ teamId: TEAM });
  seeded = await seed();
  // Once all three are ready, start their shared clock, then let simulated time pass the window.
  const replicas = await Promise.all([0, 1, 2].map(startReplica));
  const t0 = Date.now() + 500;
  for (const replica of replicas) replica.send({ t0 });
  const realMs = ((WINDOW_MINUTES + 2) * MINUTE) / SPEED;
  await new Promise((resolve) => setTimeout(resolve, t0 - Date.now() + realMs));
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await database?.close();
  await fake?.close();
  if (url) await dropScratchDatabase(url);
});

describe('three replicas on one PostgreSQL', () => {
  it('deliver each of the 60 reminders exactly once', () => {
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200);
    const perMember = new Map<string, number>();
    for (const post of posts) {
      const channel = String(post.args['channel']);
      if (seeded.nudged.includes(channel)) perMember.set(channel, (perMember.get(channel) ?? 0) + 1);
    }
    expect(perMember.size, output.join('')).toBe(60);
    expect([...perMember.values()].every((n) => n === 1)).toBe(true);
  });

  it('open and close the planned check-in at each occurrence exactly once', async () => {
    const posted = fake.messages(seeded.planned).filter((m) => !m.threadTs);
    const rounds = posted.filter((m) => m.text.includes('· Siden sidst'));
    const summaries = posted.filter((m) => m.text.includes('er afsluttet'));
    // An opening run after its own window had passed (a loaded machine at this clock speed: five
    // simulated minutes are 1.25 s) rightly opens nothing, and says so.
    const notOpened = output
      .join('')
      .split('\n')
      .filter((line) => line.includes('scheduled check-in not opened')).length;
    // Openings every 10 simulated minutes within the hour (the last may fall as the replicas stop),
    // each posted or, run too late, logged; most of them posted.
    expect(rounds.length + notOpened).toBeGreaterThanOrEqual(5);
    expect(rounds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rounds.map((m) => m.text)).size).toBe(rounds.length);
    const opens = await database.prisma.occurrence.findMany({ where: { schedule: { kind: 'checkin.open' } } });
    const closes = await database.prisma.occurrence.findMany({ where: { schedule: { kind: 'checkin.close' } } });
    expect(opens.filter((o) => o.status === 'sent')).toHaveLength(rounds.length + notOpened);
    // Each check-in is closed once, by its closing or by the next opening when both fall due
    // together: one summary per closed check-in, never two, and no closing failed.
    expect(closes.filter((o) => o.status === 'failed')).toEqual([]);
    expect(new Set(summaries.map((m) => m.text)).size).toBe(summaries.length);
    expect(summaries.length).toBe(await database.prisma.checkin.count({ where: { group: { name: 'Planlagt' }, status: 'closed' } }));
    expect(summaries.length).toBeGreaterThanOrEqual(rounds.length - 1);
    expect(await database.prisma.checkin.count({ where: { group: { name: 'Planlagt' } } })).toBe(rounds.length);
  });

  it('shared the work: more than one replica claimed occurrences', async () => {
    const owners = await database.prisma.occurrence.findMany({ distinct: ['claimedBy'], select: { claimedBy: true } });
    expect(owners.length).toBeGreaterThan(1);
    const duplicates = await database.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "Occurrence" GROUP BY "scheduleId", "at" HAVING count(*) > 1`;
    expect(duplicates).toEqual([]);
  });
});
