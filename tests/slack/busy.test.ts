// Acks that never wait (issue 18 point 3), in Slack: the work after an ack runs in a bounded
// queue; below its limit nothing is lost, beyond it the person hears "busy, try again" in their
// language where their reply would have gone (response_url, the modal, the channel, the private
// chat), and shutdown waits for the work taken on. The queue is held full by the test, not by a
// slow core, so nothing here depends on timing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdWork } from '../support/work-gate.ts';
import { CHANNEL, MIA, setUpGroup, startSlackWorld, type SlackPerson, type SlackWorld } from './harness.ts';

const BUSY_DA = 'Lederrum har travlt lige nu – prøv igen om et øjeblik.';
const BUSY_EN = 'Lederrum is busy right now – try again in a moment.';
const HELP_DA = 'Lederrum – tjek-ind for ledergrupper';
const EMMA: SlackPerson = { id: 'UEMMA', name: 'Emma Stone' };
const LIMIT = 3;

let world: SlackWorld;
let closed = false;

beforeAll(async () => {
  world = await startSlackWorld({ env: { WORK_CONCURRENCY: '1', WORK_QUEUE_LIMIT: String(LIMIT) } });
  world.fake.addUser({ id: EMMA.id, teamId: 'T0001', name: 'emma', realName: EMMA.name, tz: 'America/New_York', locale: 'en-US' });
  world.fake.addChannel({ id: 'CNEW', name: 'gruppen-syd', isPrivate: true, members: [MIA.id, world.fake.team().botUserId] });
  await setUpGroup(world);
  // Emma has written once, so Lederrum knows her language (English) before the queue fills.
  await world.responseTo((await world.slash(EMMA, 'help', 'DEMMA')).responseUrl);
  await world.app.settled();
}, 60_000);

afterAll(async () => {
  if (!world) return;
  if (closed) await world.fake.close();
  else await world.close();
});

const textOf = (body: { text?: string; blocks?: unknown[] }) => `${body.text ?? ''} ${JSON.stringify(body.blocks ?? [])}`;
const refusals = () => world.app.logger.lines.filter((l) => l.message === 'slack request refused: the work queue is full');

describe('a full work queue in Slack', () => {
  it('keeps every command below the limit and answers the one beyond it with "busy" at once', async () => {
    const gate = holdWork(world.app.work, 1);
    const first = await world.slash(MIA, 'hjælp');
    const second = await world.slash(MIA, 'hjælp');
    expect(world.app.work.depth).toBe(LIMIT);
    // Both were acknowledged, and neither has run: the queue holds them.
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const beyond = await world.slash(MIA, 'hjælp');
    expect(beyond.response.status).toBe(200);
    expect((await world.responseTo(beyond.responseUrl)).body.text).toBe(BUSY_DA);
    expect(world.fake.responses.filter((r) => [first, second].some((c) => c.responseUrl.endsWith(r.id)))).toEqual([]);

    gate.release();
    for (const command of [first, second]) expect(textOf((await world.responseTo(command.responseUrl)).body)).toContain(HELP_DA);
    await world.app.settled();
    expect(world.app.work.depth).toBe(0);
  });

  it('answers a button, a mention, a private message, App Home and a slash command with "busy" in Danish and English', async () => {
    const gate = holdWork(world.app.work, LIMIT);
    const before = refusals().length;

    const button = await world.press(MIA, { action_id: 'lederrum.open_form', value: 'hjælp', text: { text: 'x' } });
    expect(button.response.status).toBe(200);
    expect((await world.responseTo(button.responseUrl)).body.text).toBe(BUSY_DA);

    const mention = await world.event({ type: 'app_mention', user: MIA.id, text: '<@UBOT> hjælp', channel: CHANNEL, ts: '1700000200.000100', event_ts: '1700000200.000100' });
    expect(mention.status).toBe(200);
    const ephemeral = await world.fake.waitFor(() => world.fake.ephemerals.find((e) => e.user === MIA.id && e.text === BUSY_DA));
    expect(ephemeral.channel).toBe(CHANNEL);

    await world.event({ type: 'message', channel_type: 'im', user: EMMA.id, text: 'help', channel: 'DEMMA', ts: '1700000201.000100', event_ts: '1700000201.000100' });
    await world.fake.waitFor(() => world.fake.messages('DEMMA').find((m) => m.text === BUSY_EN));

    await world.event({ type: 'app_home_opened', user: EMMA.id, tab: 'home', channel: 'DEMMA', event_ts: '1700000202.000100' });
    await world.fake.waitFor(() => JSON.stringify(world.fake.homes.get(EMMA.id) ?? {}).includes(BUSY_EN));

    const slash = await world.slash(EMMA, 'help', 'DEMMA');
    expect((await world.responseTo(slash.responseUrl)).body.text).toBe(BUSY_EN);

    // Logged at warn with counts only: no names, ids or text.
    const logged = refusals().slice(before);
    expect(logged.map((l) => l.fields?.['kind'])).toEqual(['button', 'app_mention', 'message', 'app_home_opened', 'command']);
    for (const line of logged) {
      expect(line.level).toBe('warn');
      expect(Object.keys(line.fields ?? {}).sort()).toEqual(['depth', 'kind', 'limit']);
      expect(line.fields).toMatchObject({ depth: LIMIT, limit: LIMIT });
    }
    gate.release();
    await world.app.settled();
  });

  it("opens a form command's placeholder modal at once, while the rest of the command waits for its place", async () => {
    world.fake.addChannel({ id: 'CWAIT', name: 'venter', isPrivate: true, members: [MIA.id, world.fake.team().botUserId] });
    const gate = holdWork(world.app.work, 1);
    const views = world.fake.views.size;
    await world.slash(MIA, '', 'CWAIT');
    // The trigger lasts 3 s: the placeholder is open before the queue lets the command go on.
    const placeholder = await world.fake.waitFor(() => [...world.fake.views.values()].slice(views).find((v) => v.userId === MIA.id));
    expect(JSON.stringify(placeholder.view.blocks)).toContain('Et øjeblik');
    expect(world.app.work.depth).toBe(2);
    gate.release();
    const form = await world.nextForm(MIA);
    expect(form.id).toBe(placeholder.id);
    await world.app.settled();
  });

  it('answers a modal submission within its request when the queue is full, showing back what was typed', async () => {
    await world.slash(MIA, '', 'CNEW');
    const form = await world.nextForm(MIA);
    await world.app.settled();
    const gate = holdWork(world.app.work, LIMIT);
    const ack = await world.submit(MIA, form, { name: 'Gruppen Syd' });
    expect(ack.json?.response_action).toBe('update');
    const shown = JSON.stringify(ack.json?.view);
    expect(shown).toContain('Lederrum har travlt lige nu, så dit svar blev ikke gemt.');
    expect(shown).toContain('Gruppen Syd');
    gate.release();
    await world.app.settled();
    // Nothing was saved: the channel is still not a group.
    expect(await world.app.database.prisma.group.count({ where: { conversationId: 'CNEW' } })).toBe(0);
  });

  it('waits at shutdown for the work taken on before the database closes', async () => {
    const { work, database } = world.app;
    let done = false;
    const gate = holdWork(work, 1, async () => {
      // The held work still reaches the database: it is closed only after the work is done.
      await database.prisma.group.count();
      done = true;
    });
    // Let go of the work only once shutdown has begun waiting for it.
    const drain = work.drain.bind(work);
    work.drain = (ms) => {
      gate.release();
      return drain(ms);
    };
    const close = database.close.bind(database);
    let workDoneAtClose: boolean | undefined;
    database.close = async () => {
      workDoneAtClose = done;
      gate.release();
      await close();
    };
    closed = true;
    await world.app.close();
    expect(workDoneAtClose).toBe(true);
  });
});
