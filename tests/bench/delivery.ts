// Fan-out: one fan-out of private messages through the whole app — the core's fan-out, the
// outbox, its worker, the Slack deliverer and the real WebClient — into the fake Slack enforcing
// Slack's limits with 429 + Retry-After (tests/support/fake-slack/rate-limits.ts), next to its
// rate-limit floor: the least time those limits allow for the same posts (every DM is its own
// conversation, so the workspace's chat.postMessage limit binds). On PGlite and PostgreSQL.
//
// Time: Slack allows 300 posts a minute per workspace. The bench runs a "fast Slack": every limit of
// the fake and every pace of the app BENCH_SCALE times (default 10) as fast. What is not a Slack
// rate stays as in production: Retry-After in whole seconds, the WebClient's retries, the outbox's
// claim horizon, concurrency and poll. Half-way through the floor one more person's message becomes
// due: it should arrive within 5 s, not behind the queue. BENCH_DELIVERY_429=1: Slack refuses one
// post 2 s in, as when something else used the workspace's budget (it should cost about one
// Retry-After, not a storm). A message lost or sent twice fails the bench.
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp } from '../../src/app/app.ts';
import { loadConfig } from '../../src/app/config.ts';
import { sendPrivateToEach } from '../../src/core/fan-out.ts';
import type { Person } from '../../src/core/index.ts';
import { textMessage } from '../../src/core/model/messages.ts';
import { databaseOutbox } from '../../src/delivery/outbox.ts';
import { PLATFORM_PACING } from '../../src/delivery/pacing.ts';
import { createStore, type DatabaseTarget } from '../../src/store/index.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { SLACK_RATE_LIMITS, floorMs, scaledLimits, startFakeSlack } from '../support/fake-slack/index.ts';
import { MemoryLogger } from '../support/fakes.ts';
import { inMemory } from '../support/memory-database.ts';
import { QUICK, ROUNDS, row, type Row } from './support/stats.ts';
import { DATABASE_NAMES, benchDatabases, type DatabaseKind } from './support/targets.ts';

const RECIPIENTS = QUICK ? 100 : 300;
const SCALE = Number(process.env['BENCH_SCALE'] ?? 10);
const LONE_GOAL_MS = 5_000;
const oneRefusal = process.env['BENCH_DELIVERY_429'] === '1';

const limits = scaledLimits(SLACK_RATE_LIMITS, SCALE);
const postLimit = limits.methods['chat.postMessage']!;
// Every DM goes to its own conversation, so the workspace's limit binds, not the channel's.
const FLOOR_MS = floorMs(postLimit, RECIPIENTS + 1);
const LONE_DUE_MS = Math.round(FLOOR_MS / 2);
const slack = { conversationMs: PLATFORM_PACING.slack.conversationMs / SCALE, workspaceMs: PLATFORM_PACING.slack.workspaceMs / SCALE };

interface Run {
  elapsedMs: number;
  loneDelayMs: number;
  refused: number;
  lost: number;
  duplicated: number;
}

async function fanOut(kind: DatabaseKind): Promise<Run> {
  const fake = await startFakeSlack();
  const team = fake.team();
  const scratch = kind === 'postgresql' ? await createScratchDatabase() : null;
  const database: DatabaseTarget = scratch ? { kind: 'postgresql', url: scratch } : inMemory();
  const logger = new MemoryLogger();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: team.botToken,
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
    SLACK_API_URL: fake.apiUrl,
    SLACK_PACE_MS: String(Math.round(1100 / SCALE)),
  });
  const app = await startApp({ config, logger, database, manualTicks: false, outboxTuning: { pacing: { ...PLATFORM_PACING, slack } } });
  try {
    const slackIds = Array.from({ length: RECIPIENTS + 1 }, (_, i) => `UB${String(i).padStart(5, '0')}`);
    for (const id of slackIds) fake.addUser({ id, teamId: team.id, name: id.toLowerCase(), realName: `Person ${id}` });
    await app.database.prisma.user.createMany({
      data: slackIds.map((id) => ({ platform: 'slack', workspace: `slack:${team.id}`, externalId: `${team.id}:${id}`, displayName: `Person ${id}` })),
    });
    const store = createStore(app.database.prisma);
    const rows = await app.database.prisma.user.findMany({ select: { id: true, externalId: true } });
    const byExternal = new Map((await store.people(rows.map((r) => r.id))).map((p) => [p.externalId, p]));
    const people = slackIds.map((id) => byExternal.get(`${team.id}:${id}`)!);
    const loneSlackId = slackIds[RECIPIENTS]!;

    // The app's own outbox port: the same store rows and the same worker the core is given.
    const outbox = databaseOutbox(outboxStore(app.database.prisma), app.outbox, { now: () => new Date() }, 'worker');
    const deps = { deliverer: app.deliverer, logger, outbox };
    const letter = (to: Person, text: string) => ({ to, message: textMessage(text) });
    const hour = () => new Date(Date.now() + 3600_000);

    fake.enforceRateLimits(limits);
    const start = Date.now();
    const crowd = people.slice(0, RECIPIENTS).map((p) => letter(p, `Invitation for ${p.displayName}`));
    await sendPrivateToEach(deps, { key: 'bench:fan-out', deadline: hour() }, crowd);
    if (oneRefusal) setTimeout(() => fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 }), 2000).unref();
    await sleep(Math.max(0, start + LONE_DUE_MS - Date.now()));
    const loneDue = Date.now();
    await sendPrivateToEach(deps, { key: 'bench:lone', deadline: hour() }, [letter(people[RECIPIENTS]!, 'A nudge, due now')]);

    const timeoutMs = FLOOR_MS * 3 + 60_000;
    const unsettled = async () => (await app.outbox.oldestPendingAgeMs()) !== null || (await outboxStore(app.database.prisma).unsettled()) > 0;
    while (Date.now() - start < timeoutMs && (await unsettled())) await sleep(100);
    // Anything still on its way (a retry after all rows settled would be a duplicate) shows up here.
    await sleep(1000);
    const sent = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && !c.error);
    const loneAt = sent.find((c) => c.args['channel'] === loneSlackId)?.at;
    return {
      elapsedMs: Math.max(...sent.map((c) => c.at)) - start,
      loneDelayMs: loneAt === undefined ? Number.POSITIVE_INFINITY : loneAt - loneDue,
      refused: fake.calls.filter((c) => c.status === 429).length,
      lost: slackIds.filter((id) => fake.directMessages(id).length === 0).length,
      duplicated: slackIds.filter((id) => fake.directMessages(id).length > 1).length,
    };
  } finally {
    await app.close();
    await fake.close();
    if (scratch) await dropScratchDatabase(scratch);
  }
}

export async function deliveryBench(): Promise<Row[]> {
  const rows: Row[] = [];
  let broken = '';
  for (const kind of benchDatabases()) {
    const runs: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(await fanOut(kind));
    const what = `fan-out of ${RECIPIENTS} + 1 DMs, Slack limits ×${SCALE}, ${DATABASE_NAMES[kind]}`;
    const floor = runs.map(() => FLOOR_MS / 1000);
    rows.push(
      row(
        `${what}: last post (baseline: the rate-limit floor)`,
        runs.map((r) => r.elapsedMs / 1000),
        floor,
        's',
      ),
    );
    rows.push(
      row(
        `${what}: a lone message due half-way, arrived after (baseline: the goal)`,
        runs.map((r) => r.loneDelayMs / 1000),
        runs.map(() => LONE_GOAL_MS / 1000),
        's',
      ),
    );
    rows.push(
      row(
        `${what}: 429s received / lost / duplicated`,
        runs.map((r) => r.refused),
        runs.map(() => 0),
        'count',
      ),
    );
    rows.at(-1)!.lederrum += ` / ${runs.map((r) => r.lost).join(',')} / ${runs.map((r) => r.duplicated).join(',')}`;
    if (runs.some((r) => r.lost > 0 || r.duplicated > 0)) broken += ` ${DATABASE_NAMES[kind]}: a message was lost or sent twice.`;
  }
  if (broken) throw new Error(`delivery:${broken}\n${rows.map((r) => `${r.measure}: ${r.lederrum}`).join('\n')}`);
  return rows;
}
