// A person's own overview: their groups' check-ins, what they took with them, and, for the
// groups they facilitate, participation. Shown in Slack's App Home and by `overblik`/`overview`.
// Only the person's own takeaways appear: nothing anyone else wrote.
import { plainText, type Block, type Message, type Reply } from '../model/messages.ts';
import type { Group, Language } from '../model/domain.ts';
import { translator } from '../i18n/translate.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { ACTIONS, answerButtons, roundTitle } from '../checkins/messages.ts';
import { PARTICIPATION_WINDOW, participationBlocks } from '../groups/participation.ts';
import { overviewBlocks as agreementOverview } from '../agreements/lists.ts';

const RECENT_TAKEAWAYS = 5;

export async function overview(turn: Turn): Promise<Reply> {
  return { kind: 'message', message: (await personalOverview(turn)).message };
}

function formatWhen(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

/** The overview, and the groups it was read from (the App Home words its welcome by them without reading them again). */
export async function personalOverview(turn: Turn): Promise<{ message: Message; groups: Group[] }> {
  const { store } = turn.deps;
  const language = personalLanguage(turn);
  const t = translator(language);
  const blocks: Block[] = [{ type: 'header', text: t('home.header') }];
  // Every group with its members, open round, next planned opening and, where the person facilitates,
  // participation, with the person's takeaways and agreements, in one read, not one per group or per
  // table: the overview is the most frequent request and a facilitator may have many groups.
  const { groups: perGroup, takeaways, agreements } = await store.overview(turn.person.id, { historyWindow: PARTICIPATION_WINDOW, takeaways: RECENT_TAKEAWAYS });
  const groups = perGroup.map((g) => g.group);

  blocks.push({ type: 'header', text: t('home.checkins_title') });
  if (groups.length === 0) blocks.push({ type: 'text', text: t('home.no_groups') });
  const facilitated = [];
  for (const { group, memberships, open, nextOpening, history } of perGroup) {
    const facilitates = history !== null;
    if (history) facilitated.push({ group, memberships, history });
    if (!open) {
      // An opening whose time has come is due this moment (or the scheduler is catching up): not "next".
      const next = nextOpening && nextOpening > turn.deps.clock.now() ? nextOpening : null;
      blocks.push({
        type: 'section',
        title: group.name,
        text: next ? t('home.next_checkin', { when: formatWhen(next, language, turn.person.timeZone ?? group.timeZone) }) : t('home.no_open_checkin'),
      });
    } else {
      const { sequence, round, answered } = open;
      blocks.push({
        type: 'section',
        title: group.name,
        text: `${t('home.open_checkin', { sequence, round: roundTitle(t, round.kind) })} ${t(answered ? 'home.answered' : 'home.not_answered')}`,
      });
      // The round's own buttons, in the reader's language, so a member can answer from here (the core
      // checks membership on press), and for its facilitator the view of who is missing: this
      // overview is theirs alone.
      const status = { action: ACTIONS.status, value: round.id, label: t('round.button.status'), forFacilitator: true } as const;
      blocks.push({ type: 'buttons', buttons: [...answerButtons(t, round), ...(facilitates ? [status] : [])] });
    }
  }

  blocks.push({ type: 'header', text: t('home.takeaways_title') });
  if (takeaways.length === 0) blocks.push({ type: 'text', text: t('home.no_takeaways') });
  for (const note of takeaways) {
    blocks.push({ type: 'section', title: t('home.takeaway_source', { group: note.groupName, sequence: note.sequence }), text: note.text });
  }

  blocks.push(
    ...(await agreementOverview(
      turn,
      agreements,
      groups,
      facilitated.map((f) => f.group),
    )),
  );

  if (facilitated.length > 0) {
    blocks.push({ type: 'header', text: t('home.facilitator_title') });
    for (const { group, memberships, history } of facilitated) {
      blocks.push(...participationBlocks(group, memberships, history, language));
    }
  }
  return { message: { text: plainText(blocks), blocks }, groups };
}
