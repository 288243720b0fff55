// Teams message ack latency at a fixed 200 requests a second: a personal-chat message ("hjælp")
// into the compiled app's Teams endpoint (TEAMS=on, no app id: not authenticated, as locally), in
// a child process, next to a bare botbuilder echo bot (support/bare-botbuilder.mjs) replying to the
// same fake Bot Connector. Interleaved A B A B, load from a third process; CPU per request from /proc.
import { messageActivity, startFakeConnector, type FakeConnector } from '../support/fake-teams/index.ts';
import { APP, profiled, startServer, type Server } from './support/launch.ts';
import { sendAtRate, type PreparedRequest } from './support/load.ts';
import { cpuMs, untilIdle } from './support/proc.ts';
import { QUICK, interleave, row, type Row } from './support/stats.ts';
import { appDatabase, DATABASE_NAMES, benchDatabases } from './support/targets.ts';

const RATE = 200;
const SECONDS = QUICK ? 1 : 2;
const BOT_ID = '28:lederrum-bot';
const MIA = { id: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Holm' };
const CHAT = 'a:personal-mia';

function request(fake: FakeConnector, n: number): PreparedRequest {
  const activity = messageActivity({ from: MIA, conversation: { id: CHAT, conversationType: 'personal' }, serviceUrl: fake.serviceUrl, botId: BOT_ID, text: 'hjælp', id: `bench-${Date.now()}-${n}` });
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) };
}

export async function teamsBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const kind of benchDatabases()) {
    const fake = await startFakeConnector();
    fake.addConversation({ id: CHAT, type: 'personal', members: [MIA] });
    const database = await appDatabase(kind);
    const app = await startServer(profiled(APP), { ...database.env, TEAMS: 'on', LOG_LEVEL: 'info' });
    const echo = await startServer(['tests/bench/support/bare-botbuilder.mjs'], {}, /bare botbuilder ready/);
    try {
      const servers: Record<'lederrum' | 'echo', Server> = { lederrum: app, echo };
      const samples = await interleave(['lederrum', 'echo'] as const, async (variant) => {
        const server = servers[variant];
        const requests = Array.from({ length: RATE * SECONDS }, (_, n) => request(fake, n));
        const before = cpuMs(server.pid);
        const r = await sendAtRate(`${server.url}api/messages`, requests, RATE);
        await untilIdle(server.pid);
        return { p50: r.p50, p99: r.p99, unanswered: r.unanswered, failed: r.failed, cpu: (cpuMs(server.pid) - before) / requests.length };
      });
      const what = `Teams message at ${RATE}/s, ${DATABASE_NAMES[kind]} (baseline: bare botbuilder echo)`;
      const a = samples.lederrum;
      const b = samples.echo;
      rows.push(row(`${what}: 200 p50`, a.p50, b.p50, 'ms'));
      rows.push(row(`${what}: 200 p99`, a.p99, b.p99, 'ms'));
      rows.push(row(`${what}: not answered within 10 s (of ${RATE * SECONDS})`, a.unanswered, b.unanswered, 'count'));
      if ([...a.failed, ...b.failed].some((n) => n > 0)) rows.push(row(`${what}: answered, but not 2xx`, a.failed, b.failed, 'count'));
      rows.push(row(`${what}: CPU per request (until idle, at most 20 s after the load)`, a.cpu, b.cpu, 'ms'));
    } finally {
      await app.stop();
      await echo.stop();
      await fake.close();
      await database.drop();
    }
  }
  return rows;
}
