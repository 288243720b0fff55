// Guided tool 1 through the core with the real content: its summary shows the chosen theme by its
// label in the reader's language (never the stored value), and its date step refuses what is not a
// day with what to write instead, keeping every step already answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, Reply } from '../../src/core/model/messages.ts';
import { direct, openHarness, shown, type Harness, type Name } from './flow-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ content: true });
}, 60_000);
afterAll(async () => h?.close());

function formOf(reply: Reply): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
}
const stepOf = (form: Form) => form.state.split(':')[2];
const submit = (who: Name, form: Form, answer: string) => h.submit(who, form.id, form.state, { answer, pause: false }, direct(who));

/** Tool 1 up to its date step: the theme "workload", then words for every text step. */
async function upToTheDate(who: Name): Promise<Form> {
  let form = formOf(await h.say(who, 'værktøj 1 forfra', direct(who)));
  form = formOf(await submit(who, form, 'workload'));
  while (stepOf(form) !== 'talk-date') form = formOf(await submit(who, form, `Svar på ${stepOf(form)}`));
  return form;
}

describe('guided tool 1', () => {
  it('refuses a date step answer that is no day, says what to write, and loses nothing saved', async () => {
    const form = await upToTheDate('anna');
    const before = await h.prisma.toolSession.findFirstOrThrow({ where: { user: { externalId: 'U-anna' } } });
    const refused = await submit('anna', form, 'hello');
    expect(refused.kind).toBe('form_errors');
    const said = shown(refused);
    expect(said).toContain('“hello”');
    expect(said).toMatch(/Skriv en dato som \d{4}-\d{2}-\d{2}/);
    expect(said).toContain('Dine tidligere svar er gemt');
    const after = await h.prisma.toolSession.findFirstOrThrow({ where: { id: before.id } });
    expect(after.answers).toEqual(before.answers);
    expect(after.stepId).toBe('talk-date');
    expect(Object.keys(after.answers as object)).toHaveLength(6);
    // A day that has passed is refused too, naming today.
    expect(shown(await submit('anna', form, '2020-01-01'))).toContain('allerede passeret');
  });

  it('shows the summary with the theme by its label in Danish, and the day as a day', async () => {
    const form = await upToTheDate('anna');
    const done = await submit('anna', form, 'om 2 uger');
    expect(done.kind).toBe('message');
    const text = shown(done);
    expect(text).toContain('Arbejdsmængde og prioritering');
    expect(text).not.toMatch(/\bworkload\b/);
    // Saved as a date, shown as one (the clock starts on Monday 23 November 2026).
    const session = await h.prisma.toolSession.findFirstOrThrow({ where: { user: { externalId: 'U-anna' }, status: 'done' }, orderBy: { updatedAt: 'desc' } });
    expect((session.answers as Record<string, string>)['talk-date']).toBe('2026-12-07');
    expect(text).toContain('7. dec.');
  });

  it('shows the label in English to a member who reads English', async () => {
    await h.say('bo', 'language en', direct('bo'));
    const form = await upToTheDate('bo');
    expect(shown(await submit('bo', form, 'next week'))).toContain('Workload and priorities');
    const refused = await submit('bo', await upToTheDate('bo'), 'soon-ish');
    expect(shown(refused)).toContain('Your earlier answers are saved');
  });
});
