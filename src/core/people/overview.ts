// A person's own overview: their groups' check-ins, what they took with them, and, for the
// groups they facilitate, participation. Shown in Slack's App Home and by `overblik`/`overview`.
// Only the person's own takeaways appear: nothing anyone else wrote.
import { plainText, type Block, type Message, type Reply } from '../model/messages.ts';
import type { Group, Language } from '../model/domain.ts';
import { translator } from '../i18n/translate.ts';
import { type Turn, personalLanguage } from '../context.ts';
import { roundMessage, roundTitle } from '../checkins/messages.ts';
import { PARTICIPATION_WINDOW, participationBlocks } from '../groups/participation.ts';
import { overviewBlocks as agreementOverview } from '../agreements/lists.ts';

const RECENT_TAKEAWAYS = 5;

export async function overview(turn: Turn): Promise<Reply> {
  return { kind: 'message', message: await overviewMessage(turn) };
}

/** The group's next planned opening, when it has a plan. */
async function nextOpening(turn: Turn, group: Group): Promise<Date | null> {
  const { planner, clock } = turn.deps;
  const plan = planner ? await planner.checkinPlan(group.id) : null;
  return plan && planner ? (planner.next(plan.open, group.timeZone, clock.now(), 1)[0] ?? null) : null;
}

function formatWhen(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}

export async function overviewMessage(turn: Turn): Promise<Message> {
  const { store } = turn.deps;
  const language = personalLanguage(turn);
  const t = translator(language);
  const blocks: Block[] = [{ type: 'header', text: t('home.header') }];
  const groups = await store.groupsOf(turn.person.id);

  blocks.push({ type: 'header', text: t('home.checkins_title') });
  if (groups.length === 0) blocks.push({ type: 'text', text: t('home.no_groups') });
  const facilitated = [];
  for (const group of groups) {
    const checkin = await store.openCheckin(group.id);
    const round = checkin?.rounds.find((r) => r.status === 'open');
    if (!checkin || !round) {
      const next = await nextOpening(turn, group);
      blocks.push({
        type: 'text',
        text: next ? t('home.next_checkin', { group: group.name, when: formatWhen(next, language, turn.person.timeZone ?? group.timeZone) }) : t('home.no_open_checkin', { group: group.name }),
      });
    } else {
      const answered = await store.answer(round.id, turn.person.id);
      blocks.push({
        type: 'text',
        text: `${t('home.open_checkin', { group: group.name, sequence: checkin.sequence, round: roundTitle(t, round.kind) })} ${t(answered ? 'home.answered' : 'home.not_answered')}`,
      });
      // The round's own buttons, so a member can answer from here; the core checks membership on press.
      const buttons = roundMessage(group, checkin, round).blocks.find((b) => b.type === 'buttons');
      if (buttons?.type === 'buttons') blocks.push({ type: 'buttons', buttons: buttons.buttons.slice(0, 2) });
    }
    const memberships = await store.memberships(group.id);
    if (memberships.some((m) => m.person.id === turn.person.id && m.role === 'facilitator')) facilitated.push({ group, memberships });
  }

  const takeaways = await store.recentTakeaways(turn.person.id, RECENT_TAKEAWAYS);
  blocks.push({ type: 'header', text: t('home.takeaways_title') });
  if (takeaways.length === 0) blocks.push({ type: 'text', text: t('home.no_takeaways') });
  for (const note of takeaways) {
    blocks.push({ type: 'section', title: t('home.takeaway_source', { group: note.groupName, sequence: note.sequence }), text: note.text });
  }

  blocks.push(
    ...(await agreementOverview(
      turn,
      facilitated.map((f) => f.group),
    )),
  );

  if (facilitated.length > 0) {
    blocks.push({ type: 'header', text: t('home.facilitator_title') });
    for (const { group, memberships } of facilitated) {
      blocks.push(...participationBlocks(group, memberships, await store.attendanceHistory(group.id, PARTICIPATION_WINDOW)));
    }
  }
  return { text: plainText(blocks), blocks };
}
