// The facilitator's view of an open round (issue 20, point 2): who has answered, passed or not
// answered yet – names only, never what anyone wrote – and one gentle nudge to those missing.
// Both are replies to the facilitator alone (ARCHITECTURE rule 10: a Slack ephemeral message, the
// Teams personal chat, the playground's "only visible to you"). The nudge goes out through the
// outbox like every private fan-out, once per round by a conditional update of the round row.
import { LederrumError } from '../errors.ts';
import type { Checkin, Group, Language, Membership, Person, Round } from '../model/domain.ts';
import { plainText, textMessage, type Block, type Message, type Reply } from '../model/messages.ts';
import { listNames, translator } from '../i18n/translate.ts';
import { atomically, groupHere, languageOf, personalLanguage, requireFacilitator, type CoreDeps, type Turn } from '../context.ts';
import { sendPrivateToEach } from '../fan-out.ts';
import { takesRoundReminderNow } from '../planning/nudge-policies.ts';
import { ACTIONS, reminderMessage, roundTitle } from './messages.ts';
import { facilitatorRound } from './service.ts';

/** A nudge is gentle only near the press: one the outbox could not deliver within two hours is dropped. */
const NUDGE_WORTH_MS = 2 * 3600_000;

interface Standing {
  answered: Person[];
  passed: Person[];
  missing: Person[];
}

/** `tjekind status` / `checkin status`: the open round of the group here. */
export async function roundStatus(turn: Turn): Promise<Reply> {
  const group = await groupHere(turn);
  const { memberships } = await requireFacilitator(turn, group);
  const checkin = await turn.deps.store.openCheckin(group.id);
  const round = checkin?.rounds.find((r) => r.status === 'open');
  if (!checkin || !round) throw new LederrumError('NO_OPEN_CHECKIN', 'error.no_open_checkin');
  return view(turn, checkin, round, memberships);
}

/** The round message's "Who is missing? (facilitator)" button. */
export async function roundStatusOf(turn: Turn, roundId: string): Promise<Reply> {
  const { checkin, round, memberships } = await openRoundOf(turn, roundId);
  return view(turn, checkin, round, memberships);
}

/** The view's "Send a gentle reminder": to those missing who take reminders, once per round. */
export async function nudgeMissing(turn: Turn, roundId: string): Promise<Reply> {
  const { group, round, memberships } = await openRoundOf(turn, roundId);
  const { deps } = turn;
  const language = personalLanguage(turn);
  const t = translator(language);
  if (round.nudgedAt) return reply(t('roundview.nudge_already'));
  const now = deps.clock.now();
  // The facilitator who presses knows whether they answered themself.
  const missing = (await standing(deps, round, memberships)).missing.filter((p) => p.id !== turn.person.id);
  const reached = missing.filter((p) => takesRoundReminderNow(p.nudges, now));
  if (reached.length === 0) return reply(t('roundview.nudge_nobody'));
  const letters = reached.map((to) => ({ to, message: nudgeMessage(group, round, turn.person, to) }));
  // The claim and the messages commit together: a crash leaves either both or neither. The key
  // starts as the scheduled nudges' do, so closing the round withdraws any still waiting.
  const claimed = await atomically(deps, async (scope) => {
    if (!(await scope.store.claimRoundNudge(round.id, now))) return false;
    await sendPrivateToEach(scope, { key: `nudge:${round.id}:facilitator`, deadline: new Date(now.getTime() + NUDGE_WORTH_MS) }, letters);
    return true;
  });
  if (!claimed) {
    // Another press won, or the round closed meanwhile: say which.
    const current = await deps.store.roundContext(round.id);
    return reply(t(current?.round.status === 'open' ? 'roundview.nudge_already' : 'roundview.closed', { title: roundTitle(t, round.kind) }));
  }
  const withheld = missing.length - reached.length;
  const lines = [
    t('roundview.nudge_sent', {
      names: listNames(
        language,
        reached.map((p) => p.displayName),
      ),
    }),
  ];
  if (withheld > 0) lines.push(t('roundview.nudge_withheld', { count: withheld }));
  return reply(lines.join('\n'));
}

/** The round a facilitator's button names, still open (Siden sidst closes when the closing round opens). */
async function openRoundOf(turn: Turn, roundId: string) {
  const found = await facilitatorRound(turn, roundId);
  if (found.round.status !== 'open') {
    // Refusals are told in the language of where the button was pressed (lederrum.ts).
    const title = roundTitle(translator(languageOf(turn)), found.round.kind);
    throw new LederrumError('ROUND_CLOSED', 'roundview.closed', { params: { title } });
  }
  return found;
}

async function view(turn: Turn, checkin: Checkin, round: Round, memberships: Membership[]): Promise<Reply> {
  const seen = await standing(turn.deps, round, memberships);
  return { kind: 'message', message: viewMessage(personalLanguage(turn), checkin, round, seen, turn.person) };
}

/** Members by whether they answered, passed or not yet: from who answered, never from what. */
async function standing(deps: CoreDeps, round: Round, memberships: Membership[]): Promise<Standing> {
  const responses = new Map((await deps.store.roundResponses(round.id)).map((r) => [r.personId, r.passed]));
  const people = memberships.map((m) => m.person);
  return {
    answered: people.filter((p) => responses.get(p.id) === false),
    passed: people.filter((p) => responses.get(p.id) === true),
    missing: people.filter((p) => !responses.has(p.id)),
  };
}

function viewMessage(language: Language, checkin: Checkin, round: Round, seen: Standing, viewer: Person): Message {
  const t = translator(language);
  const names = (people: Person[]) =>
    people.length > 0
      ? listNames(
          language,
          people.map((p) => p.displayName),
        )
      : t('roundview.nobody');
  const blocks: Block[] = [
    { type: 'header', text: t('roundview.header', { round: roundTitle(t, round.kind), sequence: checkin.sequence }) },
    {
      type: 'fields',
      fields: [
        { label: t('roundview.answered', { count: seen.answered.length }), value: names(seen.answered) },
        { label: t('roundview.passed', { count: seen.passed.length }), value: names(seen.passed) },
        { label: t('roundview.missing', { count: seen.missing.length }), value: names(seen.missing) },
      ],
    },
    { type: 'context', text: t('roundview.note') },
  ];
  if (round.nudgedAt) blocks.push({ type: 'context', text: t('roundview.nudged') });
  else if (!seen.missing.some((p) => p.id !== viewer.id)) blocks.push({ type: 'context', text: t('roundview.all_in') });
  else {
    blocks.push(
      { type: 'buttons', buttons: [{ action: ACTIONS.nudge, value: round.id, label: t('roundview.nudge_button'), forFacilitator: true }] },
      { type: 'context', text: t('roundview.nudge_hint') },
    );
  }
  return { text: plainText(blocks), blocks };
}

/** The nudge in the recipient's own language, naming the facilitator who sent it. */
function nudgeMessage(group: Group, round: Round, facilitator: Person, to: Person): Message {
  const t = translator(to.locale ?? group.language);
  const text = t('roundview.nudge_text', { facilitator: facilitator.displayName, round: roundTitle(t, round.kind), group: group.name });
  return reminderMessage(t, round.id, text, t('roundview.nudge_footer'));
}

const reply = (text: string): Reply => ({ kind: 'message', message: textMessage(text) });
