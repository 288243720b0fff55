// A small harness for driving Lederrum end to end, as a chat platform would: a real PGlite
// store, a clock we move, a deliverer that records every post, and a logger we can read.
import { createLederrum, type Lederrum } from '../../src/core/lederrum.ts';
import type { Actor, Place } from '../../src/core/model/events.ts';
import type { Block, FormValues, Message, Reply } from '../../src/core/model/messages.ts';
import type { Language, Person } from '../../src/core/model/domain.ts';
import type { Store } from '../../src/core/ports.ts';
import { createStore } from '../../src/store/index.ts';
import type { PrismaClient } from '../../src/store/generated/client.ts';
import { loadContent } from '../../src/content-loader/load.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { schedulePlanner } from '../../src/scheduler/planner.ts';
import { scheduleStore } from '../../src/store/schedules.ts';
import { pglite } from '../support/databases.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer, type Posted } from '../support/fakes.ts';
import { workspaceOf } from '../../src/core/model/domain.ts';

export const people = {
  anna: { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'U-anna', displayName: 'Anna' },
  bo: { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'U-bo', displayName: 'Bo' },
  carl: { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'U-carl', displayName: 'Carl' },
  dorte: { platform: 'playground', workspace: workspaceOf('playground'), externalId: 'U-dorte', displayName: 'Dorte' },
} satisfies Record<string, Actor>;
export type Name = keyof typeof people;

export const direct = (name: Name): Place => ({ conversationId: `D-${name}`, kind: 'direct' });

export interface Harness {
  bot: Lederrum;
  store: Store;
  clock: ManualClock;
  deliverer: RecordingDeliverer;
  logger: MemoryLogger;
  /** The database itself, for tests that compare rows before and after. */
  prisma: PrismaClient;
  close(): Promise<void>;
  say(who: Name, text: string, place: Place): Promise<Reply>;
  press(who: Name, action: string, value: string, place: Place): Promise<Reply>;
  submit(who: Name, formId: string, state: string, values: FormValues, place: Place): Promise<Reply>;
  person(who: Name): Promise<Person>;
}

/**
 * `planner` plans through the real schedule tables (never ticked here); `content` loads content/
 * and `instruments` content/instruments; `database` replaces the in-memory PGlite (one whose
 * statements a test counts); `admins` are workspace admins as "platform:externalId".
 */
export async function openHarness(
  options: { planner?: boolean; content?: boolean; instruments?: boolean; admins?: string[]; database?: { prisma: PrismaClient; close(): Promise<void> } } = {},
): Promise<Harness> {
  const db = options.database ?? (await pglite.open());
  let closed = false;
  const store = createStore(db.prisma);
  const clock = new ManualClock();
  const deliverer = new RecordingDeliverer();
  const logger = new MemoryLogger();
  const bot = createLederrum({
    store,
    clock,
    deliverer,
    logger,
    defaultLanguage: 'da',
    defaultTimeZone: 'Europe/Copenhagen',
    ...(options.planner ? { planner: schedulePlanner(scheduleStore(db.prisma), clock) } : {}),
    ...(options.content ? { content: loadContent() } : {}),
    ...(options.instruments ? { instruments: loadInstruments() } : {}),
    ...(options.admins ? { admins: new Set(options.admins) } : {}),
  });
  const handle: Lederrum['handle'] = (event) => {
    clock.advance(60_000);
    return bot.handle(event);
  };
  return {
    bot,
    store,
    clock,
    deliverer,
    logger,
    prisma: db.prisma,
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
    say: (who, text, place) => handle({ type: 'command', actor: people[who], place, text }),
    press: (who, action, value, place) => handle({ type: 'button_pressed', actor: people[who], place, action, value }),
    submit: (who, formId, state, values, place) => handle({ type: 'form_submitted', actor: people[who], place, formId, state, values }),
    async person(who) {
      const found = (await store.listPeople(workspaceOf('playground'))).find((p) => p.externalId === people[who].externalId);
      if (!found) throw new Error(`${who} is not known to the store`);
      return found;
    },
  };
}

/** Anna creates a group from her private chat with the bot, with the members named. */
export async function createGroup(h: Harness, name: string, language: Language, members: Name[]): Promise<{ place: Place; reply: Reply }> {
  for (const who of ['anna', ...members] as Name[]) await h.say(who, 'help', direct(who));
  const ids = await Promise.all(members.map((who) => h.person(who).then((p) => p.id)));
  const reply = await h.submit('anna', 'group.create', '', { name, language, time_zone: 'Europe/Copenhagen', members: ids }, direct('anna'));
  const groups = await h.store.groupsOf((await h.person('anna')).id);
  const group = groups.find((g) => g.name === name);
  if (!group) throw new Error(`group ${name} was not created: ${JSON.stringify(reply)}`);
  return { place: { conversationId: group.conversationId, kind: 'group' }, reply };
}

export function buttonsOf(message: Message) {
  return message.blocks.flatMap((block) => (block.type === 'buttons' ? block.buttons : []));
}

/** The newest round message (a top-level post with an Answer button) in a conversation. */
export function latestRound(h: Harness, place: Place): { post: Posted; roundId: string } {
  const post = h.deliverer.posts.filter((p) => p.conversationId === place.conversationId && p.threadOf === undefined).findLast((p) => buttonsOf(p.message).some((b) => b.action === 'round.answer'));
  const roundId = post && buttonsOf(post.message).find((b) => b.action === 'round.answer')?.value;
  if (!post || !roundId) throw new Error('no open round message in the conversation');
  return { post, roundId };
}

/** Everything a reply shows its reader, as one string (message text, blocks, form texts). */
export function shown(reply: Reply): string {
  if (reply.kind === 'message') return [reply.message.text, ...reply.message.blocks.map(blockText)].join('\n');
  if (reply.kind === 'form') return JSON.stringify(reply.form);
  if (reply.kind === 'form_errors') return Object.values(reply.errors).join('\n');
  return '';
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'buttons':
      return block.buttons.map((b) => b.label).join(' ');
    case 'section':
      return [block.title ?? '', block.text].join('\n');
    case 'image':
      // What a reader gets of a picture: its alternative text, and the same chart as text.
      return [block.alt, block.fallback].join('\n');
    default:
      return block.text;
  }
}

/** Runs one whole check-in of a Danish group: Anna starts it, the given people answer Siden sidst, Anna closes it. */
export async function quickCheckin(h: Harness, place: Place, answers: Partial<Record<Name, string>>): Promise<void> {
  await h.say('anna', 'tjekind start', place);
  const { roundId } = latestRound(h, place);
  for (const [who, text] of Object.entries(answers) as Array<[Name, string]>) {
    const reply = await h.submit(who, 'round.answer', roundId, { answer: text }, direct(who));
    if (reply.kind !== 'message') throw new Error(`${who} could not answer: ${shown(reply)}`);
  }
  const closed = await h.say('anna', 'tjekind afslut', place);
  if (!shown(closed).includes('er afsluttet')) throw new Error(`check-in did not close: ${shown(closed)}`);
}
