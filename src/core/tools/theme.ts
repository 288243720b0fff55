// A facilitator gives a check-in a theme: the open one (its round message is updated) or else
// the next one. The rounds' fixed wording stays; the theme's question follows it.
import type { Reply } from '../model/messages.ts';
import { textMessage } from '../model/messages.ts';
import { translator } from '../i18n/translate.ts';
import { destinationOf, groupHere, requireFacilitator, type Turn } from '../context.ts';
import { roundMessage } from '../checkins/messages.ts';
import { themeLine } from '../checkins/service.ts';
import { contentOf, findTheme } from './service.ts';

export async function setTheme(turn: Turn, args: string): Promise<Reply> {
  const group = await groupHere(turn);
  await requireFacilitator(turn, group);
  const theme = findTheme(contentOf(turn), args);
  const t = translator(group.language);
  const { store, deliverer } = turn.deps;
  const open = await store.openCheckin(group.id);
  if (!open) {
    await store.setNextTheme(group.id, theme.theme);
    return { kind: 'message', message: textMessage(t('theme.set_next', { theme: theme.title[group.language] })) };
  }
  await store.setCheckinTheme(open.id, theme.theme);
  const themed = { ...open, theme: theme.theme };
  for (const round of open.rounds.filter((r) => r.status === 'open' && r.messageRef)) {
    await deliverer.update(destinationOf(group), round.messageRef!, roundMessage(group, open, round, themeLine(turn.deps, themed, group)));
  }
  return { kind: 'message', message: textMessage(t('theme.set_open', { sequence: open.sequence, theme: theme.title[group.language] })) };
}
