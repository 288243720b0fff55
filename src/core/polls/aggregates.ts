// From the store's SQL aggregates to the per-group input of buildResults. Respondents counted in
// no reportable group (their group was smaller than the threshold) form one "others" group, so
// the total includes them and suppression treats them like any small group.
import type { Language } from '../model/domain.ts';
import type { Group } from '../model/domain.ts';
import type { CoreDeps } from '../context.ts';
import { translator } from '../i18n/translate.ts';
import { instrumentOptions, ownQuestionOptions, type Instrument } from './instrument.ts';
import type { Poll, RawAggregates } from './model.ts';
import { buildResults, type AcrossHidden, type GroupAggregate, type PollResults } from './results.ts';
import type { WaveResults } from './result-charts.ts';
import { acrossMaskOf } from './overlap.ts';
import { hasThreshold } from './scoring/rules.ts';

const OTHERS = 'others';

/** The cross-poll rule's verdict in the group ids of toAggregates. */
async function acrossHidden(deps: CoreDeps, poll: Poll): Promise<AcrossHidden> {
  const mask = await acrossMaskOf(deps, poll);
  return { groups: mask.groups.map((id) => id ?? OTHERS), total: mask.total };
}

export function toAggregates(poll: Poll, raw: RawAggregates, instrument: Instrument | null, groups: Group[], language: Language): GroupAggregate[] {
  const keyOf = (groupId: string | null) => groupId ?? OTHERS;
  const ids = [...new Set([...raw.invited, ...raw.responded].map((r) => keyOf(r.groupId)))];
  // An instrument scored against a threshold (WHO-5, PSS-10) is reported by its score, not item by item (results.ts).
  const scored = instrument !== null && hasThreshold(instrument);
  const scalar = instrument ? (scored ? [] : instrument.items.map(() => null)) : poll.questions.filter((q) => q.kind !== 'text');
  const textual = instrument ? [] : poll.questions.filter((q) => q.kind === 'text');
  return ids.map((id) => {
    const mine = <T extends { groupId: string | null }>(rows: T[]) => rows.filter((r) => keyOf(r.groupId) === id);
    const questions: GroupAggregate['questions'] = scalar.map((question, index) => {
      const options = question ? ownQuestionOptions(question) : instrumentOptions(instrument!);
      const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.key, 0]));
      let sum = 0;
      let answered = 0;
      for (const row of mine(raw.values).filter((r) => r.question === index)) {
        // A choice is stored as its option's index; a scale as its value.
        const option = question?.kind === 'choice' ? options[row.value] : options.find((o) => o.value === row.value);
        if (!option) continue;
        counts[option.key] = (counts[option.key] ?? 0) + row.n;
        sum += (option.value ?? 0) * row.n;
        answered += row.n;
      }
      return { questionId: question?.id ?? instrument!.items[index]!.id, counts, sum, answered };
    });
    textual.forEach((question, index) => {
      const texts = mine(raw.texts)
        .filter((r) => r.question === index)
        .map((r) => r.text);
      questions.push({ questionId: question.id, counts: {}, sum: 0, answered: texts.length, texts });
    });
    const score = mine(raw.scores)[0];
    const name = id === OTHERS ? translator(language)('poll.results.others') : (groups.find((g) => g.id === id)?.name ?? '?');
    return {
      groupId: id,
      name,
      invited: mine(raw.invited).reduce((a, r) => a + r.n, 0),
      responded: mine(raw.responded).reduce((a, r) => a + r.n, 0),
      questions,
      ...(scored ? { score: score ? { n: score.n, sum: score.sum, flagged: score.flagged } : { n: 0, sum: 0, flagged: 0 } } : {}),
    };
  });
}

/** A closed poll's results, suppressed (inside the poll and across the workspace's released polls), with the change since the previous wave of its series. */
export async function resultsOf(deps: CoreDeps, poll: Poll, language: Language): Promise<PollResults> {
  const instrument = poll.instrumentId ? ((deps.instruments ?? []).find((i) => i.id === poll.instrumentId) ?? null) : null;
  const groups: Group[] = [];
  for (const id of poll.audience) {
    const group = await deps.store.group(id);
    if (group) groups.push(group);
  }
  const previousPoll = await deps.store.previousWave(poll);
  const previous = previousPoll?.status === 'closed' ? toAggregates(previousPoll, await deps.store.pollAggregates(previousPoll.id), instrument, groups, language) : undefined;
  return buildResults({
    ...(instrument ? { instrument } : { questions: poll.questions }),
    groups: toAggregates(poll, await deps.store.pollAggregates(poll.id), instrument, groups, language),
    ...(previous ? { previous, previousAcross: await acrossHidden(deps, previousPoll!) } : {}),
    across: await acrossHidden(deps, poll),
    threshold: poll.threshold,
  });
}

/** The closed waves of the poll's series up to and including this one, each with its results (the report's trends and chat's picture of the score). */
export async function wavesOf(deps: CoreDeps, poll: Poll, language: Language, current: PollResults): Promise<WaveResults[]> {
  const waves: WaveResults[] = [];
  for (const wave of await deps.store.seriesWaves(poll)) {
    if (wave.status !== 'closed' || wave.wave > poll.wave) continue;
    waves.push({ wave: wave.wave, results: wave.id === poll.id ? current : await resultsOf(deps, wave, language) });
  }
  return waves;
}
