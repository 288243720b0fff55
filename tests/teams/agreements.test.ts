// Agreements in Teams, through botbuilder + teams-ai against the fake Bot Connector: the form as
// an Adaptive Card in the personal chat, the group agreement announced in the channel, and the
// `aftaler` / `aftaler gruppe` commands answering each person in their own chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, personalChatId, setUpGroup, startTeamsWorld, textOf, type TeamsWorld, latestIn } from './harness.ts';

const SHARED = 'Vi slutter møderne fem minutter før tid';
const PRIVATE = 'Jeg går hjem kl. 16 om torsdagen';
let world: TeamsWorld;

beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

const latest = (conversationId: string, contains: string, after: number) => latestIn(world, conversationId, contains, after);

async function makeAgreement(member: typeof MIA, command: string, inputs: Record<string, string>) {
  const started = Date.now();
  expect((await world.say(member, command)).status).toBe(200);
  const form = await latest(personalChatId(member), 'Forventet indsats (1-5)', started);
  const submit = actionsOf(form.activity).find((a) => a.data.kind === 'form')!;
  const group = await world.app.database.prisma.group.findFirstOrThrow();
  await world.submit(member, { conversationId: personalChatId(member), replyToId: form.activityId }, submit.data, {
    group: group.id,
    follow_up: 'om 1 uge',
    repeat: '0',
    effort: '3',
    benefit: '4',
    ...inputs,
  });
  return world.fake.waitFor(() => world.fake.recorded.find((r) => r.op === 'update' && r.activityId === form.activityId && r.at >= started));
}

/** The inputs of the Adaptive Card an activity carries, by id. */
function inputsOf(activity: { attachments?: unknown }): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element['type'] === 'string' && element['type'].startsWith('Input.')) found.set(String(element['id']), element);
    Object.values(element).forEach(walk);
  };
  walk(activity.attachments);
  return found;
}

describe('agreements in Teams', () => {
  it('sends a form card that Teams can parse: "no group" has a value, and a required field says what is missing', async () => {
    const started = Date.now();
    await world.say(SARA, 'aftale');
    const form = await latest(personalChatId(SARA), 'Forventet indsats (1-5)', started);
    const inputs = inputsOf(form.activity);
    const groups = inputs.get('group')?.['choices'] as Array<{ title: string; value: string }>;
    // Microsoft's Adaptive Cards parser refuses a choice whose value is empty (PropertyCantBeNull).
    expect(groups.find((c) => c.title === 'Ingen gruppe')?.value).toBe('none');
    expect(groups.every((c) => c.value !== '')).toBe(true);
    expect(inputs.get('text')).toMatchObject({ isRequired: true, errorMessage: 'Skriv noget her – feltet skal udfyldes.' });
    expect(inputs.get('kind')).toMatchObject({ isRequired: true, errorMessage: 'Vælg en af mulighederne.' });
    for (const input of inputs.values()) if (input['isRequired'] === true) expect(input['errorMessage'], String(input['id'])).toBeTruthy();
  });

  it('makes a group agreement from a card and announces it in the channel', async () => {
    const saved = await makeAgreement(JONAS, 'aftale gruppe', { kind: 'group', text: SHARED, visibility: 'group' });
    expect(textOf(saved.activity)).toContain('delt med Ledergruppen Nord');
    await world.fake.waitFor(() => world.fake.sent(CHANNEL).find((r) => textOf(r.activity).includes(SHARED) && textOf(r.activity).includes('Ny gruppeaftale')));
  });

  it('makes a private agreement that only its owner sees in their list', async () => {
    const saved = await makeAgreement(SARA, 'aftale', { kind: 'personal', text: PRIVATE, visibility: 'private' });
    expect(textOf(saved.activity)).toContain('kun du kan se den');
    const started = Date.now();
    await world.say(SARA, 'aftaler');
    expect(textOf((await latest(personalChatId(SARA), 'Dine aftaler', started)).activity)).toContain(PRIVATE);
    await world.say(JONAS, 'aftaler');
    const jonas = await latest(personalChatId(JONAS), 'Dine aftaler', started);
    expect(textOf(jonas.activity)).toContain(SHARED);
    expect(textOf(jonas.activity)).not.toContain(PRIVATE);
  });

  it("shows the facilitator the group's agreements with statuses, privately, and never the private one", async () => {
    const started = Date.now();
    expect((await world.say(MIA, 'aftaler gruppe', 'channel')).status).toBe(200);
    const list = await latest(personalChatId(MIA), 'Aftaler i Ledergruppen Nord', started);
    expect(textOf(list.activity)).toContain(SHARED);
    expect(textOf(list.activity)).toContain('Aktiv');
    expect(textOf(list.activity)).not.toContain(PRIVATE);
    expect(world.fake.sent(CHANNEL).some((r) => textOf(r.activity).includes(PRIVATE))).toBe(false);
  });
});
