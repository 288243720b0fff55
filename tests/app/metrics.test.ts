// /metrics over real HTTP against the whole app: the request histogram moves when the
// playground, Slack or Teams is answered, labelled by adapter and kind only; no label or value
// carries an id, a name or what a member wrote; with METRICS_TOKEN only its bearer is answered;
// two apps in one process keep their own series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { Playground } from '../playground/client.ts';
import { CHANNEL, JONAS, MIA, TEAM, startSlackWorld, type SlackWorld } from '../slack/harness.ts';
import { startTeamsWorld, SARA, personalChatId } from '../teams/harness.ts';

const TOKEN = 'metrics-token-0123456789';

/** The sample lines of a scrape (no # HELP / # TYPE). */
const samples = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

/** The value of one series, e.g. 'lederrum_request_duration_seconds_count{adapter="slack",kind="command"}'; 0 when absent. */
function seriesValue(text: string, series: string): number {
  const line = samples(text).find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function scrape(url: string, token?: string): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(new URL('/metrics', url), token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

/** Every label value in a scrape. */
function labelValues(text: string): string[] {
  return samples(text).flatMap((line) => [...line.matchAll(/="([^"]*)"/g)].map((m) => m[1]!));
}

describe('/metrics with the playground', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let other: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
    other = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
  });

  it('serves Prometheus text with process metrics, the lags and no request yet', async () => {
    const { status, text, type } = await scrape(app.url);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('lederrum_process_resident_memory_bytes');
    expect(text).toContain('# TYPE lederrum_request_duration_seconds histogram');
    expect(seriesValue(text, 'lederrum_outbox_lag_seconds')).toBe(0);
    expect(seriesValue(text, 'lederrum_scheduler_lag_seconds')).toBe(0);
  });

  it('counts a playground command in the histogram, by adapter and kind, in its own app only', async () => {
    const series = 'lederrum_request_duration_seconds_count{adapter="playground",kind="command"}';
    const before = seriesValue((await scrape(app.url)).text, series);
    const pg = await Playground.connect(app.url);
    const [anna] = (await pg.workspace()).people;
    const answer = await pg.call('POST', '/command', { body: { as: anna!.externalId, conversationId: `D-${anna!.externalId}`, text: 'help' } });
    expect(answer.status).toBe(200);
    const after = (await scrape(app.url)).text;
    expect(seriesValue(after, series)).toBe(before + 1);
    expect(seriesValue(after, 'lederrum_request_duration_seconds_bucket{le="+Inf",adapter="playground",kind="command"}')).toBe(before + 1);
    expect(seriesValue(after, 'lederrum_request_duration_seconds_count{adapter="playground",kind="workspace"}')).toBeGreaterThanOrEqual(1);
    // Another app in the same process saw none of it.
    expect(seriesValue((await scrape(other.url)).text, series)).toBe(0);
    // Its labels are the playground's words, not the person's id or name.
    const values = labelValues(after);
    expect(values.some((v) => v.includes(anna!.externalId) || v.includes(anna!.displayName))).toBe(false);
  });

  it('reports a scheduled occurrence that waits unclaimed as scheduler lag', async () => {
    const due = new Date(Date.now() - 90_000);
    await app.database.prisma.schedule.create({ data: { kind: 'nudge', subject: 'metrics-lag', timeZone: 'Europe/Copenhagen', nextAt: due } });
    const lag = seriesValue((await scrape(app.url)).text, 'lederrum_scheduler_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(3600);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers only its bearer token', async () => {
    for (const token of [undefined, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const refused = await scrape(app.url, token);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('lederrum_');
    }
    const plain = await fetch(new URL('/metrics', app.url), { headers: { authorization: TOKEN } });
    expect(plain.status).toBe(401);
    const allowed = await scrape(app.url, TOKEN);
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('lederrum_request_duration_seconds');
  });
});

describe('/metrics with Slack and Teams', () => {
  let slack: SlackWorld;
  let teams: Awaited<ReturnType<typeof startTeamsWorld>>;
  beforeAll(async () => {
    slack = await startSlackWorld();
    teams = await startTeamsWorld();
  }, 60_000);
  afterAll(async () => {
    await slack?.close();
    await teams?.close();
  });

  it('times Slack commands, events and refused requests by kind, with no workspace, person or channel in a label', async () => {
    const { response } = await slack.slash(MIA, 'hjælp');
    expect(response.status).toBe(200);
    await slack.event({ type: 'app_mention', user: JONAS.id, channel: CHANNEL, text: 'hej Jonas Berg', ts: '1712345678.000100' });
    const unsigned = await fetch(slack.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"event_callback"}' });
    expect(unsigned.status).toBe(401);

    const { text } = await scrape(slack.app.url);
    expect(seriesValue(text, 'lederrum_request_duration_seconds_count{adapter="slack",kind="command"}')).toBe(1);
    expect(seriesValue(text, 'lederrum_request_duration_seconds_count{adapter="slack",kind="event"}')).toBe(1);
    expect(seriesValue(text, 'lederrum_request_duration_seconds_count{adapter="slack",kind="unverified"}')).toBe(1);
    for (const secret of [TEAM, MIA.id, JONAS.id, CHANNEL, 'Mia', 'Jonas', 'hjælp', 'hej']) expect(text).not.toContain(secret);
    for (const value of labelValues(text)) expect(value).toMatch(/^[a-z0-9_.+]+$/i);
  });

  it("times Teams messages by activity type and shows its turns' queue depth", async () => {
    const answer = await teams.say(SARA, 'hjælp');
    expect(answer.status).toBe(200);
    const { text } = await scrape(teams.app.url);
    expect(seriesValue(text, 'lederrum_request_duration_seconds_count{adapter="teams",kind="message"}')).toBe(1);
    expect(text).toMatch(/^lederrum_queue_depth\{queue="teams_turns"\} 0$/m);
    for (const secret of [SARA.id, SARA.name, personalChatId(SARA), teams.fake.tenantId]) expect(text).not.toContain(secret);
  });
});
