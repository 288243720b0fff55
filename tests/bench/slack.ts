// Slack ack latency at a fixed 200 requests a second: `/lederrum overblik`, `/lederrum hjælp` and a
// button press, signed as Slack signs them, into the compiled app in a child process, next to a
// bare Bolt app (support/bare-bolt.mjs) that acks and posts one reply to the same fake Slack.
// Both servers stay up for the whole comparison and take turns (A B A B); the load comes from a
// third process; after each turn the server is left to go idle. Also: requests answered after 3 s
// or not within 10 s, and the server's CPU time (from /proc, the replies after the ack included) per request.
import { blockAction, inputValues, postSigned, signSlackRequest, slashCommand, startFakeSlack, viewSubmission, type FakeSlack } from '../support/fake-slack/index.ts';
import { APP, profiled, startServer, type Server } from './support/launch.ts';
import { sendAtRate, type LoadResult, type PreparedRequest } from './support/load.ts';
import { cpuMs, untilIdle } from './support/proc.ts';
import { QUICK, interleave, row, type Row } from './support/stats.ts';
import { appDatabase, benchDatabases, DATABASE_NAMES } from './support/targets.ts';

const RATE = 200;
// Two seconds of load: enough for a p99 of 400 requests, and a backlog the slowest server clears
// within the 20 s the bench waits for it, so one server's leftover work never runs into the other's turn.
const SECONDS = QUICK ? 1 : 2;
const SECRET = 'bench-signing-secret-0123456789';
const TEAM = 'T0001';
const CHANNEL = 'C0GROUP';
const MIA = { id: 'UMIA', name: 'Mia Holm' };
const JONAS = { id: 'UJONAS', name: 'Jonas Berg' };

type Kind = 'overblik' | 'hjælp' | 'button';
const KINDS: readonly Kind[] = ['overblik', 'hjælp', 'button'];
/** BENCH_SLACK=overblik,button: some of the requests only (to profile one). */
const COMMANDS = KINDS.filter((k) => process.env['BENCH_SLACK']?.split(',').includes(k) ?? true);
interface Button {
  action_id: string;
  value: string;
}

function signed(form: Record<string, string>): PreparedRequest {
  const body = new URLSearchParams(form).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(SECRET, body) }, body };
}

/** One request of a kind, with its own response_url and trigger as Slack mints them per click. */
function request(fake: FakeSlack, kind: Kind, button: Button): PreparedRequest {
  const responseUrl = fake.newResponseUrl({ userId: MIA.id, channel: CHANNEL });
  const triggerId = fake.newTrigger(MIA.id);
  if (kind === 'button') {
    const payload = blockAction({
      teamId: TEAM,
      userId: MIA.id,
      userName: MIA.name,
      actionId: button.action_id,
      value: button.value,
      triggerId,
      channelId: CHANNEL,
      channelName: 'ledergruppen',
      responseUrl,
    });
    return signed({ payload: JSON.stringify(payload) });
  }
  return signed(slashCommand({ teamId: TEAM, channelId: CHANNEL, channelName: 'ledergruppen', userId: MIA.id, userName: MIA.name, text: kind, triggerId, responseUrl }));
}

async function slash(fake: FakeSlack, server: Server, text: string) {
  const responseUrl = fake.newResponseUrl({ userId: MIA.id, channel: CHANNEL });
  const form = slashCommand({ teamId: TEAM, channelId: CHANNEL, channelName: 'ledergruppen', userId: MIA.id, userName: MIA.name, text, triggerId: fake.newTrigger(MIA.id), responseUrl });
  const answer = await postSigned(`${server.url}slack/events`, SECRET, { form });
  if (answer.status !== 200) throw new Error(`/lederrum ${text} answered ${answer.status}`);
  return responseUrl.split('/').pop()!;
}

/** Makes the channel a group with a round open, so `overblik` has something to show; returns the round's pass button. */
async function setUpWorkspace(fake: FakeSlack, app: Server): Promise<Button> {
  await slash(fake, app, '');
  const form = await fake.waitFor(() => [...fake.views.values()].find((v) => v.userId === MIA.id && v.view.callback_id === 'lederrum_form'));
  const submission = viewSubmission({ teamId: TEAM, userId: MIA.id, userName: MIA.name, view: form.view, values: inputValues(form.view, { name: 'Ledergruppen Nord' }) });
  const created = await postSigned(`${app.url}slack/events`, SECRET, { form: { payload: JSON.stringify(submission) } });
  if (created.json?.response_action !== 'update') throw new Error(`group creation answered ${created.status} ${created.text.slice(0, 200)}`);
  await slash(fake, app, 'start');
  const round = await fake.waitFor(() => fake.messages(CHANNEL).find((m) => m.text.startsWith('Tjek-ind #1')));
  // "Pass this round" on the round's message: a write and an ephemeral reply, as most buttons are
  // (answering opens a modal, which would measure Slack's trigger rules rather than the ack).
  const buttons: Button[] = [];
  JSON.stringify(round.blocks ?? [], (key, value) => {
    if (key === '' || typeof value !== 'object' || value === null) return value;
    if (typeof value.action_id === 'string') buttons.push({ action_id: value.action_id, value: String(value.value ?? '') });
    return value;
  });
  const pass = buttons.find((b) => b.action_id.includes('pass'));
  if (!pass) throw new Error(`the round's message has no pass button: ${buttons.map((b) => b.action_id).join(', ')}`);
  return pass;
}

async function measure(fake: FakeSlack, server: Server, kind: Kind, button: Button): Promise<LoadResult & { cpuMs: number }> {
  const requests = Array.from({ length: RATE * SECONDS }, () => request(fake, kind, button));
  const before = cpuMs(server.pid);
  const result = await sendAtRate(`${server.url}slack/events`, requests, RATE);
  await untilIdle(server.pid);
  return { ...result, cpuMs: (cpuMs(server.pid) - before) / requests.length };
}

export async function slackBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of benchDatabases()) {
    const fake = await startFakeSlack({ teamId: TEAM });
    for (const person of [MIA, JONAS]) fake.addUser({ id: person.id, teamId: TEAM, name: person.name.split(' ')[0]!.toLowerCase(), realName: person.name, tz: 'Europe/Copenhagen', locale: 'da-DK' });
    fake.addChannel({ id: CHANNEL, name: 'ledergruppen', isPrivate: true, members: [MIA.id, JONAS.id, fake.team().botUserId] });
    const env = { SLACK_BOT_TOKEN: fake.team().botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl };
    const database = await appDatabase(kind);
    const app = await startServer(profiled(APP), {
      ...env,
      ...database.env,
      LOG_LEVEL: 'info',
      SLACK_PACE_MS: '0',
      ...(process.env['BENCH_WORK_CONCURRENCY'] ? { WORK_CONCURRENCY: process.env['BENCH_WORK_CONCURRENCY'] } : {}),
    });
    const bolt = await startServer(['tests/bench/support/bare-bolt.mjs'], env, /bare bolt ready/);
    try {
      const button = await setUpWorkspace(fake, app);
      const servers = { lederrum: app, bolt };
      for (const command of COMMANDS) {
        const samples = await interleave(['lederrum', 'bolt'] as const, async (variant) => {
          const r = await measure(fake, servers[variant], command, button);
          return { p50: r.p50, p99: r.p99, over3s: r.over3s, unanswered: r.unanswered, failed: r.failed, cpu: r.cpuMs };
        });
        const what = `Slack ${command === 'button' ? `button ${button.action_id.split('|')[0]}` : `/lederrum ${command}`} at ${RATE}/s, ${DATABASE_NAMES[kind]}`;
        const a = samples.lederrum;
        const b = samples.bolt;
        rows.push(row(`${what}: ack p50`, a.p50, b.p50, 'ms'));
        rows.push(row(`${what}: ack p99`, a.p99, b.p99, 'ms'));
        rows.push(row(`${what}: acked after 3 s (of ${RATE * SECONDS})`, a.over3s, b.over3s, 'count'));
        rows.push(row(`${what}: not acked within 10 s`, a.unanswered, b.unanswered, 'count'));
        if ([...a.failed, ...b.failed].some((n) => n > 0)) rows.push(row(`${what}: answered, but not 2xx`, a.failed, b.failed, 'count'));
        rows.push(row(`${what}: CPU per request (until idle, at most 20 s after the load)`, a.cpu, b.cpu, 'ms'));
      }
    } finally {
      await app.stop();
      await bolt.stop();
      await fake.close();
      await database.drop();
    }
  }
  return rows;
}
