// The tool library through the core with the real content files: listing, a prompt on a theme,
// guided tool 1 from start to agreement with a pause in the middle, sharing only on request,
// bad input, the maturity self-assessment, and a check-in theme on the round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import type { Actor, Form, Reply } from '../../src/core/index.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

const MIA: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'mia', displayName: 'Mia Holm', locale: 'da', timeZone: 'Europe/Copenhagen' };
const BO: Actor = { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'bo', displayName: 'Bo Nielsen', locale: 'da', timeZone: 'Europe/Copenhagen' };
const DM = { kind: 'direct' as const, conversationId: 'dm' };
type App = Awaited<ReturnType<typeof startTestApp>>;
let app: App;

const say = (actor: Actor, text: string) => app.core.handle({ type: 'command', actor, place: DM, text });
const text = (reply: Reply) => (reply.kind === 'message' ? reply.message.text : JSON.stringify(reply));
function formOf(reply: Reply): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
}
const submit = (actor: Actor, form: Form, values: Record<string, string | boolean>) => app.core.handle({ type: 'form_submitted', actor, place: DM, formId: form.id, state: form.state, values });

beforeAll(async () => {
  app = await startTestApp();
  await say(BO, 'hjælp');
  const bo = await app.database.prisma.user.findFirstOrThrow({ where: { externalId: 'bo' } });
  await app.core.handle({
    type: 'form_submitted',
    actor: MIA,
    place: DM,
    formId: 'group.create',
    state: '',
    values: { name: 'Nord', language: 'da', time_zone: 'Europe/Copenhagen', members: [bo.id] },
  });
}, 60_000);
afterAll(async () => app?.close());

describe('the tool library', () => {
  it('lists the four themes and the three guided tools', async () => {
    const reply = await say(MIA, 'værktøj');
    for (const word of ['Restitution', '1.', '2.', '3.', 'spørgsmål']) expect(text(reply)).toContain(word);
    expect(reply.kind === 'message' && reply.message.blocks.filter((b) => b.type === 'buttons')).toHaveLength(2);
  });

  it('gives a prompt with follow-up questions on a theme, and names the themes for an unknown one', async () => {
    const reply = await say(MIA, 'spørgsmål restitution');
    expect(reply.kind).toBe('message');
    expect(text(reply)).toContain('–');
    expect(text(await say(MIA, 'spørgsmål kaffe'))).toContain('restitution, problem-solving, boundaries, good-life');
    expect(text(await say(MIA, 'værktøj 9'))).toContain('Skriv `værktøj` for listen');
  });
});

describe('guided tool 1, paused and resumed', () => {
  it('runs from the first step to an agreement, keeping what was written across a pause', async () => {
    let form = formOf(await say(MIA, 'værktøj 1'));
    expect(form.intro.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain('Trin 1 af');
    const steps = await app.database.prisma.toolSession.count();
    expect(steps).toBe(1);
    // Step 1 is a choice; then a text step, answered, then paused on the next one.
    const choice = form.fields.find((f) => f.id === 'answer')!;
    expect(choice.type).toBe('choice');
    form = formOf(await submit(MIA, form, { answer: 'recovery', pause: false }));
    form = formOf(await submit(MIA, form, { answer: 'Jeg springer frokosten over.', pause: false }));
    const paused = await submit(MIA, form, { answer: 'Da jeg gik en tur hver dag.', pause: true });
    expect(text(paused)).toContain('`værktøj 1`');
    // An answer over the limit is refused on the field; nothing is lost.
    const resumed = formOf(await say(MIA, 'værktøj 1'));
    expect(resumed.state).toBe(form.state);
    expect(resumed.fields.find((f) => f.id === 'answer')).toMatchObject({ initial: 'Da jeg gik en tur hver dag.' });
    const tooLong = await submit(MIA, resumed, { answer: 'x'.repeat(2001), pause: false });
    expect(tooLong.kind).toBe('form_errors');
    form = formOf(await submit(MIA, resumed, { answer: 'Da jeg gik en tur hver dag.', pause: false }));
    // Answer the remaining steps; the agreement step's answer becomes the outcome.
    let reply: Reply = { kind: 'form', form };
    let guard = 0;
    while (reply.kind === 'form' && guard++ < 10) {
      const isAgreement = reply.form.fields.some((f) => f.id === 'answer' && f.type === 'text' && f.label === 'Din aftale');
      // The last step asks for a day: words for one, not just any text.
      const isDate = reply.form.state.endsWith(':talk-date');
      reply = await submit(MIA, reply.form, { answer: isAgreement ? 'Jeg går en tur hver dag kl. 12.' : isDate ? 'om 2 uger' : 'Svar', pause: false });
    }
    expect(reply.kind).toBe('message');
    expect(text(reply)).toContain('Jeg går en tur hver dag kl. 12.');
    expect((await app.database.prisma.toolSession.findFirstOrThrow()).status).toBe('done');
    // Nothing was posted to the group while working in the tool.
    const group = await app.database.prisma.group.findFirstOrThrow();
    const posted = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: group.conversationId } });
    expect(posted.some((m) => JSON.stringify(m.payload).includes('Jeg går en tur'))).toBe(false);
    // Shared on request.
    const buttons = reply.kind === 'message' ? reply.message.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])) : [];
    const share = buttons.find((b) => b.action === 'tool.share');
    // The agreement can become one that is followed up: the form comes filled with its words.
    const make = buttons.find((b) => b.action === 'agreement.make')!;
    const made = await app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: make.action, value: make.value });
    expect(made.kind === 'form' && made.form.fields.find((f) => f.id === 'text')).toMatchObject({ initial: 'Jeg går en tur hver dag kl. 12.' });
    expect(text(await app.core.handle({ type: 'button_pressed', actor: MIA, place: DM, action: share!.action, value: share!.value }))).toContain('Aftalen er delt med Nord');
    const after = await app.database.prisma.playgroundMessage.findMany({ where: { conversationId: group.conversationId } });
    expect(after.some((m) => JSON.stringify(m.payload).includes('Jeg går en tur hver dag kl. 12.'))).toBe(true);
  });

  it('tells a member who resumes a finished tool how to start over', async () => {
    expect(text(await say(MIA, 'værktøj 1'))).toContain('`værktøj 1 forfra`');
    expect(formOf(await say(MIA, 'værktøj 1 forfra')).state).not.toBe('');
  });

  it("keeps one member's tool answers from another member", async () => {
    const mine = await app.database.prisma.toolSession.findMany({ where: { user: { externalId: 'bo' } } });
    expect(mine).toEqual([]);
    expect(formOf(await say(BO, 'værktøj 1')).fields.find((f) => f.id === 'answer')).not.toHaveProperty('initial');
  });
});

describe('the maturity model and check-in themes', () => {
  it('names the level from the statements that hold, and one next step', async () => {
    const form = formOf(await say(MIA, 'modenhed'));
    expect(form.fields).toHaveLength(12);
    const firstTwoLevels = Object.fromEntries(form.fields.map((f, i) => [f.id, i < 4]));
    const reply = await submit(MIA, form, firstTwoLevels);
    expect(text(reply)).toContain('niveau 2');
    expect(text(await submit(MIA, form, {}))).toContain('begyndelsen');
  });

  it("puts the chosen theme's question after the fixed round wording", async () => {
    expect(text(await say(MIA, 'tjekind tema restitution'))).toContain('Næste tjek-ind');
    await say(MIA, 'tjekind start');
    const group = await app.database.prisma.group.findFirstOrThrow();
    const round = await app.database.prisma.playgroundMessage.findFirstOrThrow({ where: { conversationId: group.conversationId, threadOf: null }, orderBy: { seq: 'desc' } });
    const shown = JSON.stringify(round.payload);
    expect(shown).toContain('Hvad er sket siden sidst');
    expect(shown).toContain('Tema: Restitution');
    expect((await app.database.prisma.group.findFirstOrThrow()).nextTheme).toBeNull();
  });
});
