// Poll results for HR: aggregates in, suppressed results out (BRIEF "Anonymous pulse polls").
// The store hands the core counts per group, never individual answers. Every number that could
// describe fewer than k people, or let a hidden one be worked out, comes back as a Hidden marker
// with its reason (suppression.ts, sums.ts). Invited counts are shown: HR chose the recipients.
//
// Means are shown only where every count they are made of is shown, so a mean never tells more
// than the counts beside it. For the same reason an instrument scored against a threshold (WHO-5,
// PSS-10) reports the score, not the items: a group's score sum is a weighted sum of its item counts
// and would let hidden item counts be solved for. The validated measure is the score anyway; an
// instrument whose rule has no threshold (`mean`) reports its items.
import { instrumentOptions, ownQuestionOptions, type AnswerOption, type Bilingual, type Instrument, type OwnQuestion, type ScoringKind } from './instrument.ts';
import { meaningfulChange, scoreRange } from './scoring.ts';
import { hasThreshold } from './scoring/rules.ts';
import { hide, isHidden, protectCounts, protectRespondents, protectTexts, type HiddenReason, type Shown } from './suppression.ts';
import { protectSums, type SumCell } from './sums.ts';
import { checkAggregates, questionOf, type QuestionSpec } from './validate.ts';

export interface GroupAggregate {
  groupId: string;
  name: string;
  invited: number;
  responded: number;
  questions: Array<{ questionId: string; counts: Record<string, number>; sum: number; answered: number; texts?: string[] }>;
  /** n respondents scored, the sum of their scores (WHO-5 index, PSS-10 total), how many beyond the threshold. */
  score?: { n: number; sum: number; flagged: number };
}

export interface ChangeResult {
  previous: number;
  delta: number;
  /** Unknown (null) for HR's own questions: only HR knows which way is good, and no threshold is published. */
  direction: 'better' | 'worse' | 'same' | null;
  meaningful: boolean | null;
}

export interface OptionResult {
  key: string;
  label: Bilingual;
  count: Shown<number>;
  share: Shown<number>;
}

export interface QuestionResult {
  questionId: string;
  text: Bilingual;
  kind: QuestionSpec['kind'];
  answered: Shown<number>;
  options: OptionResult[];
  /** null where the question has no mean (a choice, free text). */
  mean: Shown<number> | null;
  /** null unless the question is free text; sorted, so order tells nothing. */
  texts: Shown<string[]> | null;
  change: Shown<ChangeResult> | null;
  threshold: number;
}

export interface ScoreResult {
  n: Shown<number>;
  mean: Shown<number>;
  flagged: Shown<number>;
  shareFlagged: Shown<number>;
  change: Shown<ChangeResult> | null;
}

export interface GroupResult {
  groupId: string;
  name: string;
  invited: number;
  responded: Shown<number>;
  responseRate: Shown<number>;
  questions: QuestionResult[];
  score: ScoreResult | null;
}

export interface PollResults {
  threshold: number;
  textThreshold: number;
  instrumentId: string | null;
  /** How the instrument is scored: its texts are chosen by this, never by the instrument's id. */
  scoring: ScoringKind | null;
  groups: GroupResult[];
  total: GroupResult;
}

export interface ResultsInput {
  instrument?: Instrument | undefined;
  questions?: OwnQuestion[] | undefined;
  groups: GroupAggregate[];
  previous?: GroupAggregate[] | undefined;
  threshold?: number | undefined;
  textThreshold?: number | undefined;
  /** What the cross-poll rule hides (across.ts), by group id; `previousAcross` for the previous wave. */
  across?: AcrossHidden | undefined;
  previousAcross?: AcrossHidden | undefined;
}

export interface AcrossHidden {
  groups: readonly string[];
  total: boolean;
}

export const TOTAL_ID = '*';

type Mark = HiddenReason | null;
const sumOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function specsOf(input: ResultsInput): QuestionSpec[] {
  const { instrument, questions } = input;
  if ((instrument === undefined) === (questions === undefined)) throw new Error('buildResults: give either an instrument or own questions');
  if (instrument) {
    if (hasThreshold(instrument)) return [];
    const options = instrumentOptions(instrument);
    return instrument.items.map((item) => ({ id: item.id, text: item.text, kind: 'scale', options }));
  }
  return questions!.map((q) => ({
    id: q.id,
    text: q.text,
    kind: q.kind === 'text' ? 'text' : q.kind === 'choice' ? 'choice' : 'scale',
    options: ownQuestionOptions(q),
  }));
}

interface Row {
  answered: number;
  counts: number[];
  texts: string[];
}

function questionResult(spec: QuestionSpec, row: Row, answered: Mark, counts: Mark[], texts: Mark, k: number, tt: number): QuestionResult {
  const shown = (mark: Mark, value: number) => (mark ? hide(mark, k) : value);
  const options: OptionResult[] = spec.options.map((option: AnswerOption, o) => {
    const mark = counts[o] ?? answered;
    const count = row.counts[o] ?? 0;
    return { key: option.key, label: option.label, count: shown(counts[o] ?? null, count), share: shown(mark, count / row.answered) };
  });
  let mean: Shown<number> | null = null;
  if (spec.kind === 'scale') {
    const whole = !answered && counts.every((m) => !m);
    const sum = sumOf(spec.options.map((o, i) => (o.value ?? 0) * (row.counts[i] ?? 0)));
    mean = whole ? sum / row.answered : hide(answered ?? 'protects_other', k);
  }
  const textList = spec.kind === 'text' ? (texts ? hide(texts, tt) : [...row.texts].sort((a, b) => a.localeCompare(b, 'da'))) : null;
  return { questionId: spec.id, text: spec.text, kind: spec.kind, answered: shown(answered, row.answered), options, mean, texts: textList, change: null, threshold: k };
}

interface Wave {
  groups: GroupResult[];
  total: GroupResult;
}

function wave(aggregates: readonly GroupAggregate[], specs: readonly QuestionSpec[], instrument: Instrument | undefined, k: number, tt: number, across?: AcrossHidden): Wave {
  const forced = aggregates.map((g) => across?.groups.includes(g.groupId) ?? false);
  const people = protectRespondents(
    aggregates.map((g, i) => ({ respondents: g.responded, invited: g.invited, forced: forced[i] })),
    k,
    across?.total ?? false,
  );
  const base = (g: { groupId: string; name: string; invited: number; responded: number }, mark: Mark): GroupResult => ({
    groupId: g.groupId,
    name: g.name,
    invited: g.invited,
    responded: mark ? hide(mark, k) : g.responded,
    responseRate: mark ? hide(mark, k) : g.invited > 0 ? g.responded / g.invited : 0,
    questions: [],
    score: null,
  });
  const groups = aggregates.map((g, i) => base(g, people.groups[i] ?? null));
  const totalRow = { groupId: TOTAL_ID, name: '', invited: sumOf(aggregates.map((g) => g.invited)), responded: sumOf(aggregates.map((g) => g.responded)) };
  const total = base(totalRow, people.total);
  const countRow = (g: GroupAggregate, i: number, answered: number, counts: number[]) => ({
    hidden: people.groups[i] ?? null,
    respondents: g.responded,
    invited: g.invited,
    answered,
    counts,
  });

  for (const spec of specs) {
    const rows: Row[] = aggregates.map((g) => {
      const q = questionOf(g, spec.id);
      return { answered: q.answered, counts: spec.options.map((o) => q.counts[o.key] ?? 0), texts: q.texts ?? [] };
    });
    const mask = protectCounts(
      rows.map((r, i) => countRow(aggregates[i]!, i, r.answered, r.counts)),
      people.total,
      k,
    );
    const all: Row = { answered: sumOf(rows.map((r) => r.answered)), counts: spec.options.map((_, o) => sumOf(rows.map((r) => r.counts[o] ?? 0))), texts: rows.flatMap((r) => r.texts) };
    const texts =
      spec.kind === 'text'
        ? protectTexts(
            rows.map((r, i) => ({ count: r.answered, hidden: mask.answered[i] ?? null })),
            { count: all.answered, hidden: mask.totalAnswered },
            tt,
          )
        : { groups: rows.map(() => null), total: null };
    rows.forEach((row, i) => {
      groups[i]!.questions.push(questionResult(spec, row, mask.answered[i] ?? null, mask.counts[i] ?? [], texts.groups[i] ?? null, k, tt));
    });
    total.questions.push(questionResult(spec, all, mask.totalAnswered, mask.totalCounts, texts.total, k, tt));
  }

  if (instrument && hasThreshold(instrument)) {
    const scores = aggregates.map((g) => g.score ?? { n: 0, sum: 0, flagged: 0 });
    const mask = protectCounts(
      scores.map((s, i) => countRow(aggregates[i]!, i, s.n, [s.flagged, s.n - s.flagged])),
      people.total,
      k,
    );
    const cell = (s: { n: number; sum: number; flagged: number }, n: Mark, split: Mark[]): SumCell => ({ ...s, splitShown: split.every((m) => !m), hidden: n });
    const rows = scores.map((s, i) => cell(s, mask.answered[i] ?? null, mask.counts[i] ?? []));
    const all = { n: sumOf(scores.map((s) => s.n)), sum: sumOf(scores.map((s) => s.sum)), flagged: sumOf(scores.map((s) => s.flagged)) };
    const totalCell = cell(all, mask.totalAnswered, mask.totalCounts);
    protectSums(rows, totalCell, scoreRange(instrument));
    const result = (c: SumCell, n: Mark, flagged: Mark): ScoreResult => ({
      n: n ? hide(n, k) : c.n,
      mean: c.hidden ? hide(c.hidden, k) : c.sum / c.n,
      flagged: flagged ? hide(flagged, k) : c.flagged,
      shareFlagged: flagged || n ? hide((flagged ?? n)!, k) : c.flagged / c.n,
      change: null,
    });
    rows.forEach((c, i) => {
      groups[i]!.score = result(c, mask.answered[i] ?? null, mask.counts[i]?.[0] ?? null);
    });
    total.score = result(totalCell, mask.totalAnswered, mask.totalCounts[0] ?? null);
  }
  // A cell hidden across polls says so on every figure: the reason is the other poll, not its size.
  groups.forEach((g, i) => {
    if (forced[i]) relabel(g, 'across_polls');
  });
  if (across?.total) relabel(total, 'across_polls');
  return { groups, total };
}

function relabel(value: unknown, reason: HiddenReason): void {
  if (isHidden(value)) value.reason = reason;
  else if (Array.isArray(value))
    value.forEach((v) => {
      relabel(v, reason);
    });
  else if (typeof value === 'object' && value !== null)
    Object.values(value).forEach((v) => {
      relabel(v, reason);
    });
}

function change(current: Shown<number> | null, previous: Shown<number> | null | undefined, k: number, instrument: Instrument | undefined): Shown<ChangeResult> | null {
  if (current === null || previous === null || previous === undefined) return null;
  if (isHidden(current)) return hide(current.reason, k);
  if (isHidden(previous)) return hide(previous.reason, k);
  if (!instrument) return { previous, delta: current - previous, direction: null, meaningful: null };
  const { delta, direction, meaningful } = meaningfulChange(instrument, previous, current);
  return { previous, delta, direction, meaningful };
}

function addChanges(now: GroupResult, before: GroupResult | undefined, k: number, instrument: Instrument | undefined): void {
  if (!before) return;
  now.questions.forEach((q, i) => {
    q.change = change(q.mean, before.questions[i]?.mean, k, instrument);
  });
  if (now.score) now.score.change = change(now.score.mean, before.score?.mean, k, instrument);
}

/** Suppressed results for HR, per group and in total, with the change since the previous wave. */
export function buildResults(input: ResultsInput): PollResults {
  const k = input.threshold ?? 5;
  const tt = input.textThreshold ?? 10;
  if (!Number.isInteger(k) || k < 3) throw new Error(`buildResults: threshold must be a whole number of 3 or more, not ${k}`);
  if (!Number.isInteger(tt) || tt < k) throw new Error(`buildResults: textThreshold must be a whole number of at least ${k}, not ${tt}`);
  const specs = specsOf(input);
  const scored = input.instrument !== undefined && hasThreshold(input.instrument);
  checkAggregates('groups', input.groups, specs, scored, input.instrument);
  if (input.previous) checkAggregates('previous', input.previous, specs, scored, input.instrument);

  const now = wave(input.groups, specs, input.instrument, k, tt, input.across);
  if (input.previous) {
    const before = wave(input.previous, specs, input.instrument, k, tt, input.previousAcross);
    now.groups.forEach((g) => {
      addChanges(
        g,
        before.groups.find((b) => b.groupId === g.groupId),
        k,
        input.instrument,
      );
    });
    addChanges(now.total, before.total, k, input.instrument);
  }
  return { threshold: k, textThreshold: tt, instrumentId: input.instrument?.id ?? null, scoring: input.instrument?.scoring ?? null, ...now };
}
