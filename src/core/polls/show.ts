// Results for HR, only after the poll has closed: response rate, the instrument's score with its
// thresholds and the change since the previous wave, and each question as a chart (a picture where
// Lederrum has a public address, chart-images.ts); every hidden
// number says why. The CSV holds the same aggregates, nothing more. Groups see the total when HR
// chose to share it.
import { LederrumError } from '../errors.ts';
import type { Language } from '../model/domain.ts';
import type { Block, Button, Message, Reply } from '../model/messages.ts';
import { plainText } from '../model/messages.ts';
import { translator, type Translator } from '../i18n/translate.ts';
import { type CoreDeps, type Turn, personalLanguage } from '../context.ts';
import type { Poll } from './model.ts';
import { resultsOf } from './aggregates.ts';
import { decimal, resultsCsv, shownAs } from './render.ts';
import type { GroupResult, PollResults, ScoreResult } from './results.ts';
import { requireHr } from './roles.ts';
import { controlBlocks } from './controls.ts';
import { textCharts, totalChartBlocks } from './chart-images.ts';
import { ruleOf } from './scoring/rules.ts';
import type { Threshold } from './scoring/rule.ts';
import { POLL_ACTIONS } from './invitation.ts';
import { momentText } from '../i18n/dates.ts';
import { signedLink, type SignedLink } from '../reports/links.ts';

const { results: RESULTS, csv: CSV, report: REPORT } = POLL_ACTIONS;
const LINK_HOURS = 24;

/** A poll HR may see the results of: in their workspace and closed; otherwise the error that says why. */
export async function closedPoll(turn: Turn, pollId: string): Promise<Poll> {
  await requireHr(turn);
  const poll = await turn.deps.store.poll(pollId);
  if (!poll || poll.workspace !== turn.person.workspace) throw new LederrumError('NOT_FOUND', 'error.not_found');
  if (poll.status === 'cancelled') throw new LederrumError('POLL_CLOSED', 'error.poll_is_cancelled');
  if (poll.status !== 'closed') {
    const closes = momentText(poll.closesAt, personalLanguage(turn), turn.person.timeZone ?? turn.deps.defaultTimeZone);
    throw new LederrumError('POLL_CLOSED', 'error.poll_results_not_yet', { params: { closes } });
  }
  return poll;
}

/** `målinger` / `polls`: HR's polls with their status, the live count and controls of the running ones, and the results of the closed ones. */
export async function listPolls(turn: Turn): Promise<Reply> {
  await requireHr(turn);
  const t = translator(personalLanguage(turn));
  const polls = await turn.deps.store.polls(turn.person.workspace, 10);
  const blocks: Block[] = [{ type: 'header', text: t('poll.list.header') }];
  if (polls.length === 0) blocks.push({ type: 'text', text: t('poll.list.none') });
  for (const poll of polls) {
    blocks.push({ type: 'section', title: `${poll.title} · ${t('poll.wave', { wave: poll.wave })}`, text: t(`poll.status.${poll.status}`) });
    blocks.push(...(await controlBlocks(turn, t, poll)));
    if (poll.status === 'closed') blocks.push({ type: 'buttons', buttons: [{ action: RESULTS, value: poll.id, label: t('poll.results_button') }, ...resultButtons(turn.deps, t, poll)] });
  }
  return { kind: 'message', message: { text: plainText(blocks), blocks } };
}

export async function showResults(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await closedPoll(turn, pollId);
  return { kind: 'message', message: await resultsMessage(turn.deps, poll, personalLanguage(turn), true) };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** "12 af 15 har svaret (80 %)", hidden parts as their reason. */
export function rateText(t: Translator, group: GroupResult): string {
  return t('poll.results.rate', { responded: shownAs(group.responded, t, String), invited: group.invited, rate: shownAs(group.responseRate, t, percent) });
}

/** CSV always; the report where Lederrum has a public address to link to. */
function resultButtons(deps: CoreDeps, t: Translator, poll: Poll): Button[] {
  return [{ action: CSV, value: poll.id, label: t('poll.csv_button') }, ...(deps.publicUrl && deps.sign ? [{ action: REPORT, value: poll.id, label: t('poll.report_button') }] : [])];
}

// The score's lines are the scoring rule's (its threshold's texts): a new instrument file scored
// like WHO-5 reads as WHO-5 does, whatever its id.
export function scoreLines(t: Translator, language: Language, texts: Threshold['texts'], score: ScoreResult): string {
  const lines = [t(texts.mean, { mean: shownAs(score.mean, t, (v) => decimal(v, 1, language)) }), t(texts.flagged, { share: shownAs(score.shareFlagged, t, percent) })];
  if (score.change) {
    lines.push(
      shownAs(score.change, t, (c) =>
        t(c.meaningful ? 'poll.results.change_meaningful' : 'poll.results.change', { delta: decimal(c.delta, 1, language, true), previous: decimal(c.previous, 1, language) }),
      ),
    );
  }
  return lines.join('\n');
}

function groupBlocks(t: Translator, language: Language, results: PollResults, group: GroupResult, title: string, charts: Block[]): Block[] {
  const blocks: Block[] = [{ type: 'section', title, text: rateText(t, group) }];
  const threshold = results.scoring ? ruleOf({ scoring: results.scoring }).threshold : null;
  if (group.score && threshold) blocks.push({ type: 'text', text: scoreLines(t, language, threshold.texts, group.score) });
  return [...blocks, ...charts];
}

/** The results as a message: the total first, then each group; for HR with the CSV button. */
export async function resultsMessage(deps: CoreDeps, poll: Poll, language: Language, forHr: boolean): Promise<Message> {
  const t = translator(language);
  const results = await resultsOf(deps, poll, language);
  const blocks: Block[] = [{ type: 'header', text: t('poll.results.header', { title: poll.title, wave: poll.wave }) }];
  // The total's charts as pictures where Lederrum has a public address (chart-images.ts).
  blocks.push(...groupBlocks(t, language, results, results.total, t('poll.csv.total'), await totalChartBlocks(deps, poll, results, language)));
  if (forHr) for (const group of results.groups) blocks.push(...groupBlocks(t, language, results, group, group.name, textCharts(group.questions, language, t)));
  blocks.push({ type: 'context', text: t('poll.results.footer', { k: poll.threshold }) });
  if (forHr) blocks.push({ type: 'buttons', buttons: resultButtons(deps, t, poll) });
  return { text: resultsText(blocks), blocks };
}

/** A results message's notification text: its words without the charts, which only a look makes sense of. */
export function resultsText(blocks: Block[]): string {
  return plainText(blocks.filter((b) => b.type !== 'code' && b.type !== 'image'));
}

/** The aggregates as CSV, shown to copy and, where Lederrum has a public address, as a download link. */
export async function showCsv(turn: Turn, pollId: string): Promise<Reply> {
  const poll = await closedPoll(turn, pollId);
  const language = personalLanguage(turn);
  const t = translator(language);
  const csv = resultsCsv(await resultsOf(turn.deps, poll, language), language, t);
  const blocks: Block[] = [
    { type: 'context', text: t('poll.csv.note') },
    { type: 'code', text: csv },
  ];
  const link = downloadLink(turn, poll);
  if (link) blocks.push({ type: 'text', text: t('poll.csv.link', { link: link.url, until: momentText(link.expires, language, turn.person.timeZone ?? turn.deps.defaultTimeZone) }) });
  return { kind: 'message', message: { text: t('poll.csv.note'), blocks } };
}

/** A link that carries its own permission: this HR person, this poll, for a day. */
export function downloadLink(turn: Turn, poll: Poll): SignedLink | null {
  return signedLink(turn.deps, { purpose: '', fields: [poll.id, turn.person.id], lifetimeMs: LINK_HOURS * 3600_000, path: (grant) => `/polls/${grant}/results.csv` });
}
