// `npm run bench` (part three): 1,000 direct messages through the whole app — the core's fan-out,
// the outbox on PostgreSQL, its worker, the Slack deliverer and the real WebClient — into the fake
// Slack enforcing Slack's limits with 429 + Retry-After (tests/support/fake-slack/rate-limits.ts).
// The time is printed next to the rate-limit floor, the least time the fake's limits allow for
// the same calls, measured in the same run. 15 s into the fan-out one more person's message
// becomes due; it should arrive within 5 s, not behind the queue.
//
// Time: Slack allows 300 posts a minute per workspace, so 1,000 DMs take 200 s at best. The bench
// runs a "fast Slack" instead: every limit of the fake and every pace of the app BENCH_SCALE times
// (default 10) as fast, so the floor is 20 s. What is not a Slack rate stays as in production:
// Retry-After in whole seconds, the WebClient's retries, the outbox's claim horizon (2 s),
// concurrency (16) and poll; the lone message is due 15 s (wall) in, its goal 5 s (wall).
// Flags: --pglite (the embedded database instead of the local PostgreSQL), --one-429 (Slack refuses
// one post 5 s in, as when something else used the workspace's budget: it should cost about one
// Retry-After, not a storm). Exits non-zero only when a message was lost or duplicated; stops by itself.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp } from '../../src/app/app.ts';
import { loadConfig } from '../../src/app/config.ts';
import { sendPrivateToEach } from '../../src/core/fan-out.ts';
import { textMessage } from '../../src/core/model/messages.ts';
import type { Person } from '../../src/core/index.ts';
import { outboxStore } from '../../src/store/outbox.ts';
import { databaseOutbox } from '../../src/delivery/outbox.ts';
import { PLATFORM_PACING } from '../../src/delivery/pacing.ts';
import { createStore, type DatabaseTarget } from '../../src/store/index.ts';
import { createScratchDatabase, dropScratchDatabase } from '../support/databases.ts';
import { SLACK_RATE_LIMITS, floorMs, scaledLimits, startFakeSlack } from '../support/fake-slack/index.ts';
import { MemoryLogger } from '../support/fakes.ts';
import { inMemory } from '../support/memory-database.ts';

const RECIPIENTS = 1000;
const SCALE = Number(process.env['BENCH_SCALE'] ?? 10);
const LONE_DUE_MS = 15_000;
const LONE_GOAL_MS = 5_000;
const onPglite = process.argv.includes('--pglite');
/** `--one-429`: Slack refuses one post 5 s in, as when something else in the workspace used its budget. */
const oneRefusal = process.argv.includes('--one-429');

const limits = scaledLimits(SLACK_RATE_LIMITS, SCALE);
const postLimit = limits.methods['chat.postMessage']!;
// Every DM goes to its own conversation, so the workspace's limit binds, not the channel's.
const floor = floorMs(postLimit, RECIPIENTS + 1);
const slack = { conversationMs: PLATFORM_PACING.slack.conversationMs / SCALE, workspaceMs: PLATFORM_PACING.slack.workspaceMs / SCALE };

const fake = await startFakeSlack();
const team = fake.team();
const scratch = onPglite ? null : await createScratchDatabase();
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
const load = [os.loadavg()[0]!];
let exitCode = 0;
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
  const crowd = people.slice(0, RECIPIENTS);
  const lone = people[RECIPIENTS]!;
  const loneSlackId = slackIds[RECIPIENTS]!;

  // The app's own outbox port: the same store rows and the same worker the core is given.
  const outbox = databaseOutbox(outboxStore(app.database.prisma), app.outbox, { now: () => new Date() }, 'worker');
  const deps = { deliverer: app.deliverer, logger, outbox };
  const letter = (to: Person, text: string) => ({ to, message: textMessage(text) });
  const hour = () => new Date(Date.now() + 3600_000);

  fake.enforceRateLimits(limits);
  const start = Date.now();
  await sendPrivateToEach(
    deps,
    { key: 'bench:fan-out', deadline: hour() },
    crowd.map((p) => letter(p, `Invitation for ${p.displayName}`)),
  );
  const enqueuedMs = Date.now() - start;
  if (oneRefusal) setTimeout(() => fake.failNext('chat.postMessage', { status: 429, retryAfterSeconds: 1 }), 5000).unref();
  await sleep(Math.max(0, start + LONE_DUE_MS - Date.now()));
  const loneDue = Date.now();
  await sendPrivateToEach(deps, { key: 'bench:lone', deadline: hour() }, [letter(lone, 'A nudge, due now')]);

  const timeoutMs = floor * 3 + 60_000;
  const delivered = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && !c.error);
  while (Date.now() - start < timeoutMs && ((await app.outbox.oldestPendingAgeMs()) !== null || (await outboxStore(app.database.prisma).unsettled()) > 0)) await sleep(100);
  // Anything still on its way (a retry after all rows settled would be a duplicate) shows up here.
  await sleep(1000);
  load.push(os.loadavg()[0]!);

  const sent = delivered();
  const lost = slackIds.filter((id) => fake.directMessages(id).length === 0).length;
  const duplicated = slackIds.filter((id) => fake.directMessages(id).length > 1).length;
  const last = Math.max(...sent.map((c) => c.at));
  const elapsed = last - start;
  const loneAt = sent.find((c) => c.args['channel'] === loneSlackId)?.at;
  const loneDelay = loneAt === undefined ? null : loneAt - loneDue;
  const refused = fake.calls.filter((c) => c.status === 429).length;
  const retried = logger.lines.filter((l) => l.message === 'outbox message will be retried').length;
  const stateCounts = await app.database.prisma.outboxMessage.groupBy({ by: ['state'], _count: true });

  // How evenly the posts came: a gap above the pace is time lost for good (the floor has none).
  const arrivals = sent.map((c) => c.at).sort((a, b) => a - b);
  const gaps = arrivals
    .slice(1)
    .map((at, i) => at - arrivals[i]!)
    .sort((a, b) => a - b);
  const pct = (p: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * p))] ?? 0;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\ndelivery benchmark (${onPglite ? 'PGlite in-process' : 'PostgreSQL'}, whole app in-process, fake Slack enforcing its limits ×${SCALE})`);
  console.log(
    `limits: chat.postMessage ${postLimit.perMinute}/min per workspace (burst ${postLimit.burst}), ${limits.perChannel!.perMinute}/min per channel; app pacing ${slack.workspaceMs} ms per workspace, ${slack.conversationMs} ms per conversation`,
  );
  console.log(`messages: ${RECIPIENTS} in one fan-out (recorded in ${enqueuedMs} ms) + 1 lone message due ${s(LONE_DUE_MS)} in`);
  console.log(`elapsed: ${s(elapsed)} | floor: ${s(floor)} | ×floor: ${(elapsed / floor).toFixed(3)} (goal ≤ 1.10)`);
  console.log(
    `first post ${s(arrivals[0]! - start)} after the fan-out began; gaps between posts: median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${pct(1)} ms, mean ${((arrivals.at(-1)! - arrivals[0]!) / gaps.length).toFixed(1)} ms`,
  );
  console.log(`429s: ${refused} | outbox retries: ${retried} | rows: ${stateCounts.map((r) => `${r.state} ${r._count}`).join(', ')}`);
  console.log(`lost: ${lost} | duplicated: ${duplicated} (goal 0 and 0)`);
  console.log(
    `lone message: ${loneDelay === null ? 'NOT DELIVERED' : `${s(loneDelay)} after due`} (goal ≤ ${s(LONE_GOAL_MS)})${last < loneDue ? ' — note: the fan-out had finished before it was due' : ''}`,
  );
  console.log(`load average (1 min) on ${os.cpus().length} cores: ${load.map((l) => l.toFixed(2)).join(' → ')}`);
  if (Date.now() - start >= timeoutMs) console.log(`stopped after ${s(timeoutMs)} with messages still unsettled`);
  exitCode = lost > 0 || duplicated > 0 ? 1 : 0;
} finally {
  await app.close();
  await fake.close();
  if (scratch) await dropScratchDatabase(scratch);
}
process.exit(exitCode);
