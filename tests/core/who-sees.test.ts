// Honest words about who sees what (issue 20, point 3): every form the features answer is opened
// here, the way a person would open it, and every form with a text field must say above its
// fields who will see what is written there. A form the features handle that this test does not
// open fails it too, so a new form cannot slip past.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/core/features.ts';
import { translate } from '../../src/core/i18n/translate.ts';
import { whoSeesText } from '../../src/core/i18n/who-sees.ts';
import type { Form, Reply } from '../../src/core/model/messages.ts';
import { direct, openHarness, type Harness, type Name } from './flow-harness.ts';
import { seedWorld, type World } from './forged-world.ts';

let h: Harness;
let w: World;
let pollId: string;
const opened: Array<{ what: string; form: Form }> = [];

function formOf(what: string, reply: Reply): Form {
  if (reply.kind !== 'form') throw new Error(`${what}: expected a form, got ${JSON.stringify(reply)}`);
  opened.push({ what, form: reply.form });
  return reply.form;
}

/** Every who-sees line in both languages; a poll's answer form says it in its anonymity statement. */
function whoSeesLines(form: Form): string[] {
  const keys = Object.keys(whoSeesText) as Array<keyof typeof whoSeesText>;
  const anonymous = form.anonymous ? (['da', 'en'] as const).map((l) => translate(l, 'poll.anonymous', { k: 3 })) : [];
  return form.intro.flatMap((block) =>
    block.type === 'context' && (keys.some((key) => [translate('da', key), translate('en', key)].includes(block.text)) || anonymous.includes(block.text)) ? [block.text] : [],
  );
}

beforeAll(async () => {
  h = await openHarness({ planner: true, content: true, instruments: true });
  w = await seedWorld(h);
  await h.store.setRole(w.ids.anna, 'admin', true);
  await h.store.setRole(w.ids.anna, 'hr', true);
  const poll = {
    title: 'Puls',
    template: 'own',
    questions: 'tekst: Hvad vil du sige til HR?',
    audience: [w.nord.id, w.syd.id],
    opens: 'nu',
    closes: 'om 1 uge',
    reminders: '0',
    threshold: '3',
    continues: '',
    share: false,
  };
  const made = await h.submit('anna', 'poll.create', '', poll, direct('anna'));
  if (made.kind !== 'message') throw new Error(`the poll was not made: ${JSON.stringify(made)}`);
  pollId = (await h.prisma.poll.findFirstOrThrow({ where: { title: 'Puls' } })).id;

  const say = async (what: string, who: Name, text: string, place = direct(who)) => formOf(what, await h.say(who, text, place));
  const press = async (what: string, who: Name, action: string, value: string) => formOf(what, await h.press(who, action, value, direct(who)));
  await say('group create', 'anna', 'gruppe opret');
  await say('group add', 'anna', 'gruppe tilføj', w.nord.place);
  await say('group remove', 'anna', 'gruppe fjern', w.nord.place);
  await say('schedule', 'anna', 'tjekind plan', w.nord.place);
  await press('since-last answer', 'bo', 'round.answer', w.nord.sinceRound);
  await press('takeaway answer', 'dorte', 'round.answer', w.syd.takeRound);
  await say('agreement', 'bo', 'aftale');
  await press('adjust a private agreement', 'bo', 'agreement.adjust', w.boPersonal);
  await press('adjust a group agreement', 'anna', 'agreement.adjust', w.nord.agreement);
  await press('guided tool', 'carl', 'tool.start', 'own-wellbeing');
  await say('maturity', 'bo', 'modenhed');
  await say('hr picker', 'anna', 'hr tildel');
  await say('poll', 'anna', 'måling');
  await press('poll answer', 'bo', 'poll.answer', pollId);
  await press('poll extend', 'anna', 'poll.extend', pollId);
  await say('forget picker', 'anna', 'slet data');
  await press('own well-being', 'bo', 'wellbeing.take', '');
}, 300_000);
afterAll(async () => h?.close());

const audienceOf = (what: string) => opened.find((o) => o.what === what)!.form.intro.at(-1);

describe('who sees what a form collects', () => {
  it('opens every form the features answer', () => {
    const handled = FEATURES.flatMap((feature) => Object.keys(('forms' in feature && feature.forms) || {}));
    expect([...new Set(opened.map((o) => o.form.id))].sort()).toEqual([...handled].sort());
  });

  it('says who will see it on every form with a text field', () => {
    const withText = opened.filter((o) => o.form.fields.some((f) => f.type === 'text'));
    expect(withText.length).toBeGreaterThanOrEqual(10);
    for (const { what, form } of withText) expect(whoSeesLines(form), what).toHaveLength(1);
  });

  it('tells a round answer’s author the group sees it under their name, and a takeaway’s that it is theirs unless shared', () => {
    expect(audienceOf('since-last answer')).toEqual({ type: 'context', text: 'Gruppen ser dette under dit navn.' });
    expect(audienceOf('takeaway answer')).toEqual({ type: 'context', text: 'Only you see this, unless you tick Share with the group.' });
    expect(opened.find((o) => o.what === 'takeaway answer')!.form.fields.map((f) => [f.id, f.label])).toContainEqual(['share', 'Share with the group']);
  });

  it('says "only you" for what is private and "the group" for what the group keeps', () => {
    expect(audienceOf('adjust a private agreement')).toEqual({ type: 'context', text: 'Kun du ser dette.' });
    expect(audienceOf('adjust a group agreement')).toEqual({ type: 'context', text: 'Gruppen ser dette.' });
    expect(JSON.stringify(audienceOf('agreement'))).toContain('Kun mig – så ser kun du den');
    expect(audienceOf('guided tool')).toEqual({ type: 'context', text: 'Kun du ser dette.' });
  });
});
