// The welcome on first contact (issue 20, point 1): what Lederrum is for, who sees what, and the
// one next step. Said once in a person's private chat (the store remembers it, so replicas and
// repeated events do not say it twice), on Slack's App Home for someone in no group yet, and in
// a Teams team that has just added Lederrum.
import type { Group, Language, Platform } from '../model/domain.ts';
import { NO_REPLY, plainText, type Block, type Message, type Reply } from '../model/messages.ts';
import { listNames, translator, type Translator } from '../i18n/translate.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { personalLanguage, type Turn } from '../context.ts';
import { personalOverview } from '../people/overview.ts';

/** The person opened their private chat with Lederrum: the welcome the first time, nothing after. */
export async function greet(turn: Turn): Promise<Reply> {
  const { store } = turn.deps;
  // Marked before it is said: at most once, even if showing it then fails.
  if (!(await store.markWelcomed(turn.person.id))) return NO_REPLY;
  const groups = await store.groupsOf(turn.person.id);
  return { kind: 'message', message: welcomeMessage(personalLanguage(turn), turn.event.actor.platform, groups) };
}

/**
 * Slack's App Home: someone in no group yet sees the welcome above their (empty) overview; for
 * everyone else the overview comes first and who sees what stays at the bottom.
 */
export async function home(turn: Turn): Promise<Reply> {
  const language = personalLanguage(turn);
  const t = translator(language);
  const { message: overview, groups } = await personalOverview(turn);
  const blocks: Block[] =
    groups.length === 0
      ? [...welcomeBlocks(language, turn.event.actor.platform, groups), ...overview.blocks]
      : [...overview.blocks, { type: 'header', text: t('welcome.who_sees.title') }, { type: 'text', text: t('welcome.who_sees') }, { type: 'context', text: t('welcome.help') }];
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

export function welcomeMessage(language: Language, platform: Platform, groups: readonly Group[]): Message {
  const blocks = welcomeBlocks(language, platform, groups);
  return { text: plainText(blocks), blocks };
}

function welcomeBlocks(language: Language, platform: Platform, groups: readonly Group[]): Block[] {
  const t = translator(language);
  const names = groups.map((g) => g.name);
  const next = names.length > 0 ? t('welcome.next.member', { groups: listNames(language, names) }) : t('welcome.next.create', { platform });
  return framed(t, 'welcome.header', next);
}

/** A Teams team has just added Lederrum: said in its General channel, in the language of whoever added it. */
export function teamWelcome(language: Language): Message {
  const t = translator(language);
  const blocks = framed(t, 'welcome.team.header', t('welcome.team.next'));
  return { text: plainText(blocks), blocks };
}

/** Every welcome: what Lederrum is for, who sees what, the one next step, and where the rest is. */
function framed(t: Translator, header: MessageKey, next: string): Block[] {
  return [
    { type: 'header', text: t(header) },
    { type: 'text', text: t('welcome.purpose') },
    { type: 'section', title: t('welcome.who_sees.title'), text: t('welcome.who_sees') },
    { type: 'section', title: t('welcome.next.title'), text: next },
    { type: 'context', text: t('welcome.help') },
  ];
}
