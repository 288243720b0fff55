// `min trivsel` / `my well-being` through the core, on PGlite with the real instruments and
// planner: a first-time intro, a polite refusal in a group channel, the WHO-5 form worded as the
// instrument file, nothing saved from a half-filled form, the index with its band's meaning (help
// where it is low), the trend as text lines with 10-point changes marked, English, and the
// monthly reminder turned on and off by button and by command; `mine data` counts the entries and
// `slet mine data` deletes them with the reminder. Nothing reaches anyone else.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { normNote, WELLBEING_ACTIONS, WELLBEING_FORM } from '../../src/core/wellbeing/messages.ts';
import { translator } from '../../src/core/i18n/translate.ts';
import { FORGET_ACTIONS } from '../../src/core/people/forget.ts';
import type { Place } from '../../src/core/model/events.ts';
import type { Reply } from '../../src/core/model/messages.ts';
import { buttonsOf, createGroup, direct, openHarness, shown, type Harness, type Name } from './flow-harness.ts';

const who5 = loadInstruments().find((i) => i.id === 'who5')!;
const DAY = 24 * 3600_000;
let h: Harness;
let group: Place;

const take = (who: Name, answers: number[]) => h.submit(who, WELLBEING_FORM, '', Object.fromEntries(answers.map((a, i) => [`q${i}`, String(a)])), direct(who));
const entries = async (who: Name) => h.prisma.wellbeingEntry.count({ where: { userId: (await h.person(who)).id } });
const actions = (reply: Reply) => (reply.kind === 'message' ? buttonsOf(reply.message).map((b) => b.action) : []);
/** The lines of the trend section, as the person reads them. */
function trend(reply: Reply): string[] {
  if (reply.kind !== 'message') return [];
  const section = reply.message.blocks.find((b) => b.type === 'section' && /^(Din kurve|Your trend)/.test(b.title ?? ''));
  return section?.type === 'section' ? section.text.split('\n') : [];
}

beforeAll(async () => {
  h = await openHarness({ planner: true, instruments: true });
  ({ place: group } = await createGroup(h, 'Ledergruppen', 'da', ['bo', 'carl']));
}, 60_000);
afterAll(async () => h?.close());

describe('my well-being, privately', () => {
  let posts = 0;
  let privates = 0;
  beforeAll(() => {
    posts = h.deliverer.posts.length;
    privates = h.deliverer.privates.length;
  });

  it('is in the help, in both languages', async () => {
    expect(shown(await h.say('bo', 'hjælp', direct('bo')))).toContain('`min trivsel` – mærk efter privat (WHO-5)');
    expect(shown(await h.say('bo', 'help', direct('bo')))).toContain('`my well-being` – check in privately (WHO-5)');
  });

  it('introduces itself the first time, says it is private, and offers to take it now or be reminded', async () => {
    const reply = await h.say('bo', 'min trivsel', direct('bo'));
    const text = shown(reply);
    expect(text).toContain('fem korte udsagn om de sidste to uger');
    expect(text).toContain('ikke HR, ikke din facilitator');
    expect(text).toContain('68-100: omkring eller over gennemsnittet');
    expect(text).toContain('0-28: meget lavt – tal med din læge');
    expect(trend(reply)).toEqual([]);
    expect(actions(reply)).toEqual([WELLBEING_ACTIONS.take, WELLBEING_ACTIONS.reminderOn]);
  });

  it('refuses politely in a group channel, pointing to the private chat, and opens no form there', async () => {
    const said = await h.say('bo', 'min trivsel', group);
    expect(shown(said)).toContain('Skriv `min trivsel` til Lederrum i jeres private chat');
    expect(actions(said)).toEqual([]);
    const pressed = await h.press('bo', WELLBEING_ACTIONS.take, '', group);
    expect(pressed.kind).toBe('message');
    expect(shown(pressed)).toContain('private chat');
  });

  it('opens the five WHO-5 items with their six options, worded as the instrument file', async () => {
    const reply = await h.press('bo', WELLBEING_ACTIONS.take, '', direct('bo'));
    if (reply.kind !== 'form') throw new Error(shown(reply));
    const { form } = reply;
    expect(form.id).toBe(WELLBEING_FORM);
    expect(form.fields.map((f) => f.label)).toEqual(who5.items.map((item, i) => `${i + 1}. ${item.text.da}`));
    for (const field of form.fields) {
      expect(field.type === 'choice' && field.options.map((o) => o.label)).toEqual(who5.scale.labels.map((l) => l.label.da));
      expect(field).not.toHaveProperty('initial');
    }
    expect(JSON.stringify(form.intro)).toContain(who5.intro.da);
  });

  it('saves nothing from a half-filled or forged form, naming each item', async () => {
    const half = await take('bo', [3, 3]);
    expect(half.kind === 'form_errors' && Object.keys(half.errors)).toEqual(['q2', 'q3', 'q4']);
    const forged = await take('bo', [3, 3, 3, 3, 9]);
    expect(forged.kind === 'form_errors' && forged.errors['q4']).toContain('"9"');
    expect(await entries('bo')).toBe(0);
  });

  it('gives the index with its meaning, and help only where it is low', async () => {
    const first = await take('bo', [3, 3, 3, 3, 3]);
    expect(shown(first)).toContain('Dit trivselsindeks: 60 af 100');
    expect(shown(first)).toContain('lidt under gennemsnittet i befolkningen (68)');
    expect(shown(first)).not.toContain('Her kan du finde hjælp');
    expect(actions(first)).toEqual([WELLBEING_ACTIONS.reminderOn]);

    h.clock.advance(30 * DAY);
    const better = await take('bo', [4, 4, 4, 4, 4]);
    expect(shown(better)).toContain('Dit trivselsindeks: 80 af 100');
    expect(shown(better)).toContain('omkring eller over gennemsnittet');
    expect(shown(better)).toContain('Sidst var det 60');
    expect(trend(better)).toHaveLength(2);
    expect(trend(better)[1]).toMatch(/· 80 +↑ 20 point – en tydelig ændring$/);

    h.clock.advance(30 * DAY);
    expect(trend(await take('bo', [4, 4, 4, 3, 4]))[2]).toMatch(/· 76$/);

    h.clock.advance(30 * DAY);
    const veryLow = await take('bo', [1, 1, 1, 1, 1]);
    expect(shown(veryLow)).toContain('Dit trivselsindeks: 20 af 100');
    expect(shown(veryLow)).toContain('at du taler med din læge');
    expect(shown(veryLow)).toContain('Her kan du finde hjælp');
    expect(shown(veryLow)).toContain('Din arbejdsplads’ ordninger');
    expect(shown(veryLow)).toContain('112');
    expect(trend(veryLow)[3]).toMatch(/· 20 +↓ 56 point – en tydelig ændring$/);

    h.clock.advance(30 * DAY);
    const low = await take('bo', [2, 2, 2, 2, 2]);
    expect(shown(low)).toContain('Under 50 er et signal');
    expect(shown(low)).toContain('Her kan du finde hjælp');
    expect(shown(low)).not.toContain('112');
    expect(trend(low)[4]).toMatch(/· 40 +↑ 20 point/);
    expect(shown(low)).not.toMatch(/stresset|stressed/i);
    expect(await entries('bo')).toBe(5);
  });

  it('shows the trend, date · index, with the latest and its meaning', async () => {
    const reply = await h.say('bo', 'min trivsel', direct('bo'));
    const lines = trend(reply);
    expect(lines.map((line) => Number(/· (\d+)/.exec(line)![1]))).toEqual([60, 80, 76, 20, 40]);
    expect(lines.filter((line) => line.includes('tydelig ændring'))).toHaveLength(3);
    expect(shown(reply)).toContain('Senest: 40 af 100');
    expect(shown(reply)).toContain('Gennemsnittet i den danske befolkning er 68. En ændring på 10 point eller mere regnes for tydelig.');
  });

  it('names the change the instrument file counts as meaningful, and the norm the bands are drawn at', () => {
    const who5 = loadInstruments().find((i) => i.id === 'who5')!;
    expect(normNote(who5, translator('en'))).toBe('The Danish population’s average is 68. A change of 10 points or more counts as meaningful.');
    expect(normNote({ ...who5, meaningfulChange: 8 }, translator('da'))).toBe('Gennemsnittet i den danske befolkning er 68. En ændring på 8 point eller mere regnes for tydelig.');
  });

  it('speaks English to someone who chose it', async () => {
    await h.say('carl', 'language en', direct('carl'));
    const intro = shown(await h.say('carl', 'my well-being', direct('carl')));
    expect(intro).toContain('five short statements about the last two weeks');
    const result = shown(await take('carl', [5, 4, 5, 4, 5]));
    expect(result).toContain('Your well-being index: 92 out of 100');
    expect(result).toContain('around or above the Danish population’s average (68)');
  });

  it('turns the monthly reminder on and off, by button and by command, in the person’s own zone', async () => {
    const bo = await h.person('bo');
    const on = await h.press('bo', WELLBEING_ACTIONS.reminderOn, '', direct('bo'));
    expect(shown(on)).toContain('den første mandag i måneden kl. 09:00 (Europe/Copenhagen)');
    const row = await h.prisma.schedule.findFirstOrThrow({ where: { kind: 'wellbeing.reminder', subject: bo.id } });
    expect(row).toMatchObject({ cron: '0 9 * * 1#1', timeZone: 'Europe/Copenhagen' });
    const next = DateTime.fromJSDate(row.nextAt!, { zone: 'Europe/Copenhagen' });
    expect([next.weekday, next.hour, next.minute, next.day <= 7]).toEqual([1, 9, 0, true]);
    expect(row.nextAt!.getTime() - h.clock.now().getTime()).toBeLessThan(36 * DAY);

    const view = await h.say('bo', 'min trivsel', direct('bo'));
    expect(shown(view)).toContain('Månedlig påmindelse: den første mandag i måneden kl. 09:00');
    expect(actions(view)).toEqual([WELLBEING_ACTIONS.take, WELLBEING_ACTIONS.reminderOff]);

    expect(shown(await h.press('bo', WELLBEING_ACTIONS.reminderOff, '', direct('bo')))).toContain('slået fra');
    expect((await h.prisma.schedule.findFirstOrThrow({ where: { kind: 'wellbeing.reminder', subject: bo.id } })).nextAt).toBeNull();
    expect(actions(await h.say('bo', 'min trivsel', direct('bo')))).toContain(WELLBEING_ACTIONS.reminderOn);

    expect(shown(await h.say('carl', 'my well-being reminder on', direct('carl')))).toContain('on the first Monday of the month at 09:00');
    expect(shown(await h.say('carl', 'my well-being reminder off', direct('carl')))).toContain('turned off');
  });

  it('counts the entries in `mine data`, and `slet mine data` deletes them with the reminder', async () => {
    expect(shown(await h.say('bo', 'mine data', direct('bo')))).toContain('Dine egne trivselsmålinger (WHO-5, kun for dig): 5');
    await h.press('bo', WELLBEING_ACTIONS.reminderOn, '', direct('bo'));
    const asked = await h.say('bo', 'slet mine data', direct('bo'));
    expect(shown(asked)).toContain('Egne trivselsmålinger (WHO-5): 5');
    const confirm = asked.kind === 'message' ? buttonsOf(asked.message).find((b) => b.action === FORGET_ACTIONS.confirm)! : undefined;
    const bo = await h.person('bo');
    expect(shown(await h.press('bo', FORGET_ACTIONS.confirm, confirm!.value, direct('bo')))).toContain('Egne trivselsmålinger (WHO-5): 5');
    expect(await h.prisma.wellbeingEntry.count({ where: { userId: bo.id } })).toBe(0);
    expect(await h.prisma.schedule.count({ where: { subject: bo.id } })).toBe(0);
    expect(shown(await h.say('bo', 'min trivsel', direct('bo')))).toContain('fem korte udsagn');
    expect(await entries('carl')).toBe(1);
  });

  it('posted nothing to the group and wrote to nobody else', () => {
    expect(h.deliverer.posts).toHaveLength(posts);
    expect(h.deliverer.privates).toHaveLength(privates);
  });
});
