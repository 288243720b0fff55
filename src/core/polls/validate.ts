// Checks the aggregates the store hands to buildResults. Suppression reasons from the sums
// (options add up to the answers, answers never exceed the respondents); if the store broke one,
// the protection would rest on a false premise, so a broken aggregate is an error, not a result.
import type { AnswerOption, Bilingual, Instrument } from './instrument.ts';
import { scoreRange } from './scoring.ts';

export interface QuestionSpec {
  id: string;
  text: Bilingual;
  kind: 'scale' | 'choice' | 'text';
  options: AnswerOption[];
}

interface Aggregate {
  groupId: string;
  invited: number;
  responded: number;
  questions: Array<{ questionId: string; counts: Record<string, number>; sum: number; answered: number; texts?: string[] | undefined }>;
  score?: { n: number; sum: number; flagged: number } | undefined;
}

const EMPTY: { counts: Record<string, number>; sum: number; answered: number } = { counts: {}, sum: 0, answered: 0 };

/** A group's aggregate for one question; a question nobody in the group answered may be left out. */
export function questionOf(group: Aggregate, id: string) {
  return group.questions.find((q) => q.questionId === id) ?? { questionId: id, ...EMPTY, texts: [] as string[] };
}

const whole = (n: number) => Number.isInteger(n) && n >= 0;

/** Throws one Error naming every inconsistency in the aggregates. */
export function checkAggregates(label: string, groups: readonly Aggregate[], specs: readonly QuestionSpec[], scored: boolean, instrument?: Instrument): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const at = `${label}: ${g.groupId}`;
    if (seen.has(g.groupId)) problems.push(`${at}: duplicate group id`);
    seen.add(g.groupId);
    if (!whole(g.invited) || !whole(g.responded) || g.responded > g.invited) problems.push(`${at}: responded ${g.responded} of ${g.invited} invited`);
    for (const q of g.questions) {
      const spec = specs.find((s) => s.id === q.questionId);
      if (!spec) {
        problems.push(`${at}: unknown question "${q.questionId}"`);
        continue;
      }
      const where = `${at}: ${q.questionId}`;
      if (!whole(q.answered) || q.answered > g.responded) problems.push(`${where}: ${q.answered} answered of ${g.responded} respondents`);
      const keys = new Set(spec.options.map((o) => o.key));
      const counts = Object.entries(q.counts);
      for (const [key, n] of counts) {
        if (!keys.has(key)) problems.push(`${where}: unknown option "${key}"`);
        if (!whole(n)) problems.push(`${where}: count for "${key}" is ${n}`);
      }
      const counted = counts.reduce((a, [, n]) => a + n, 0);
      if (spec.kind !== 'text' && counted !== q.answered) problems.push(`${where}: counts add up to ${counted}, not ${q.answered} answered`);
      const sum = spec.options.reduce((a, o) => a + (o.value ?? 0) * (q.counts[o.key] ?? 0), 0);
      if (spec.kind === 'scale' && Math.abs(sum - q.sum) > 1e-9) problems.push(`${where}: sum ${q.sum} does not match the counts (${sum})`);
      if (spec.kind === 'text' && (q.texts?.length ?? 0) !== q.answered) problems.push(`${where}: ${q.texts?.length ?? 0} texts for ${q.answered} answered`);
      if (spec.kind !== 'text' && q.texts?.length) problems.push(`${where}: texts given for a question that is not free text`);
    }
    if (scored) {
      const s = g.score;
      const range = instrument ? scoreRange(instrument) : undefined;
      if (!s) problems.push(`${at}: score missing`);
      else if (!whole(s.n) || !whole(s.flagged) || s.n > g.responded || s.flagged > s.n) problems.push(`${at}: score n ${s.n}, flagged ${s.flagged}`);
      else if (range && (s.sum < s.n * range.min || s.sum > s.n * range.max)) problems.push(`${at}: score sum ${s.sum} outside what ${s.n} respondents can score`);
    }
  }
  if (problems.length > 0) throw new Error(`Poll aggregates are not consistent:\n${problems.join('\n')}`);
}
