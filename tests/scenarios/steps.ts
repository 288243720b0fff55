// Steps scenarios share, in the user's words, on top of any driver: the cast, a check-in, an
// agreement, HR and a poll, and reading what people were shown.
import type { Cast, Driver, DriverFactory, Group, Person, Shown, ShownForm, Values } from './driver.ts';
import { waitFor } from './drivers/common.ts';

/** Workspace A (Mia administers it) and, where the platform hosts two, workspace B (Nora's). */
export function castFor(factory: DriverFactory, extra: { a?: Cast['workspaces'][number]; b?: Cast['workspaces'][number] } = {}): Cast {
  const a = [{ name: 'Mia Holm', admin: true }, { name: 'Jonas Berg' }, { name: 'Sara Lund' }, { name: 'Ole Udenfor' }, ...(extra.a ?? [])];
  const b = [{ name: 'Nora Vik', admin: true }, { name: 'Peter Dahl' }, { name: 'Rikke Lind' }, ...(extra.b ?? [])];
  return { workspaces: factory.workspaces > 1 ? [a, b] : [a] };
}

export const textOf = (shown: readonly Shown[]) => shown.map((s) => s.text).join('\n');

/** Where `secret` was shown, briefly (for an assertion that it was not): `[]` when nowhere. */
export function whereShown(shown: readonly Shown[], secret: string): string[] {
  return shown
    .filter((s) => s.text.includes(secret))
    .map((s) => `${s.where}: …${s.text.slice(Math.max(0, s.text.indexOf(secret) - 80), s.text.indexOf(secret) + secret.length + 40).replace(/\s+/g, ' ')}…`);
}

/** The newest thing shown to the person that contains `text` and, if named, has that button (waiting for it to arrive). */
export async function shownTo(d: Driver, person: Person, text: string, button?: string): Promise<Shown> {
  return waitFor(
    async () => (await d.seenBy(person)).filter((s) => s.text.includes(text) && (!button || s.buttons.some((b) => b.action === button || b.label === button))).at(-1),
    `"${text}" shown to ${person.name}`,
  );
}

/** The newest thing shown in the group's conversation that contains `text` and, if named, has that button. */
export async function shownInGroup(d: Driver, group: Group, text: string, button?: string): Promise<Shown> {
  return waitFor(
    async () => (await d.seenInGroup(group)).filter((s) => s.text.includes(text) && (!button || s.buttons.some((b) => b.action === button || b.label === button))).at(-1),
    `"${text}" in ${group.name}`,
  );
}

/** What was shown to the person (or the group) since `before` was taken (each thing counted once per time it was shown). */
export function since(before: readonly Shown[], after: readonly Shown[]): Shown[] {
  const left = new Map<string, number>();
  for (const s of before) left.set(`${s.where}|${s.text}`, (left.get(`${s.where}|${s.text}`) ?? 0) + 1);
  return after.filter((s) => {
    const key = `${s.where}|${s.text}`;
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    return count === 0;
  });
}

export function optionOf(form: ShownForm, field: string, label: string): string {
  const option = form.fields.find((f) => f.id === field)?.options.find((o) => o.label === label);
  if (!option) throw new Error(`the form's ${field} offers no "${label}"`);
  return option.value;
}

export async function startCheckin(d: Driver, group: Group, sequence: number): Promise<Shown> {
  await d.say(group.facilitator, 'tjekind start', group);
  return shownInGroup(d, group, `Tjek-ind #${sequence} · Siden sidst`, 'round.answer');
}

export async function openTakeaway(d: Driver, group: Group, sequence: number): Promise<Shown> {
  await d.say(group.facilitator, 'tjekind afrunding', group);
  return shownInGroup(d, group, `Tjek-ind #${sequence} · Hvad tager jeg med mig?`, 'round.answer');
}

export async function closeCheckin(d: Driver, group: Group, sequence: number): Promise<void> {
  await d.say(group.facilitator, 'tjekind afslut', group);
  await shownInGroup(d, group, `Tjek-ind #${sequence} er afsluttet`);
}

/** "Svar" on the round message, and the form that opens, filled in and saved. */
export async function answer(d: Driver, person: Person, round: Shown, values: Values): Promise<ShownForm> {
  await d.press(person, 'round.answer', round);
  const form = await d.nextForm(person);
  await d.submit(person, form, values);
  return form;
}

/** `aftale` in the person's own chat: a private personal agreement about their group. */
export async function makePrivateAgreement(d: Driver, person: Person, group: Group, text: string): Promise<void> {
  await d.say(person, 'aftale', 'private');
  const form = await d.nextForm(person);
  await d.submit(person, form, { kind: 'personal', text, group: optionOf(form, 'group', group.name), visibility: 'private', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' });
  await shownTo(d, person, 'kun du kan se den');
}

/** The admin grants the HR role by the person's name, in their own chat. */
export async function grantHr(d: Driver, admin: Person, person: Person): Promise<void> {
  await d.say(admin, `hr tildel ${person.name}`, 'private');
  await shownTo(d, admin, `${person.name} har nu HR-rollen`);
}

/** HR sends a poll of their own questions to a group (threshold 3), opening now and closing in a week. */
export async function sendPoll(d: Driver, hr: Person, group: Group, title: string, questions: string): Promise<void> {
  await d.say(hr, 'måling', 'private');
  const form = await d.nextForm(hr);
  await d.submit(hr, form, { title, template: 'own', questions, audience: [optionOf(form, 'audience', group.name)], opens: 'nu', closes: 'om 1 uge', reminders: '0', threshold: '3', share: true });
  await shownTo(d, hr, `«${title}»`);
}

/** A tool step that asks for a day ("Hvornår …?"): it takes a day, not just any words. */
const ASKS_FOR_A_DAY = /Hvornår (tager du samtalen|følger I op)/;

/** `værktøj <n>` in the person's own chat, every step answered (a choice with its first option, a day in words), to the end. */
export async function doTool(d: Driver, person: Person, tool: number, answerOf: (step: number) => string): Promise<void> {
  await d.say(person, `værktøj ${tool}`, 'private');
  let steps = 1;
  for (let step = 1; step <= steps; step++) {
    const form = await d.nextForm(person);
    steps = Number(/Trin \d+ af (\d+)/.exec(form.text)?.[1] ?? steps);
    const choices = form.fields.find((f) => f.id === 'answer')?.options ?? [];
    await d.submit(person, form, { answer: choices[0]?.value ?? (ASKS_FOR_A_DAY.test(form.text) ? 'om 2 uger' : answerOf(step)) });
  }
}

/** "hr" in the person's own chat: the names it gives. */
export async function hrHolders(d: Driver, person: Person): Promise<string> {
  const before = await d.seenBy(person);
  await d.say(person, 'hr', 'private');
  return waitFor(async () => textOf(since(before, await d.seenBy(person))).match(/HR-rollen har: [^\n]*|Ingen har HR-rollen[^\n]*/)?.[0], `the HR list for ${person.name}`);
}
