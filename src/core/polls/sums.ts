// Suppression for score sums (and so means) of WHO-5 and PSS-10 polls. A group's sum of scores is
// not made of counts, so the flow network does not cover it; the rules here do, for the one sum
// that links the groups: the total's sum is the groups' sums added up.
//  1. A group's sum is hidden with its respondent count (a mean over fewer than k is a small cell).
//  2. A sum must not tell how many are beyond the threshold when that count is hidden. A mean of
//     95 among six says nobody is below 50 — the hidden zero of "flagged". So a shown sum must fit
//     one more and one fewer flagged respondent (a hidden count's alternative value, found by the
//     flow network, never moves a cell's flagged count by more than one). A sum at the edge of
//     what its counts allow (everyone scored 100) tells everyone's score: hidden too.
//  3. Where the total is shown, the hidden sums are recoverable together; so there must be two or
//     more, each able to move against another within the bounds an attacker knows, and their
//     remainder must pass rule 2 as if it were one group. Otherwise hide the smallest further
//     group, or the total.
// Empty groups are left out of rule 3: the sum of nobody's scores is 0 by definition and says
// nothing about anyone (whether a group is empty is protected by the count tables).
import type { ScoreRange } from './scoring.ts';
import type { HiddenReason } from './suppression.ts';

export interface SumCell {
  n: number;
  sum: number;
  flagged: number;
  /** Whether the flagged/unflagged split of this cell is shown; an attacker then knows tighter bounds. */
  splitShown: boolean;
  hidden: HiddenReason | null;
}

// Sums of WHO-5 indexes and PSS-10 totals are whole numbers; the tolerance only absorbs float noise.
const EPSILON = 1e-9;

/** The least and the most a cell's sum can be, given what an attacker knows about it. */
export function sumBounds(cell: Pick<SumCell, 'n' | 'flagged'>, range: ScoreRange, withSplit: boolean): [number, number] {
  if (withSplit && range.flagged && range.unflagged) {
    const rest = cell.n - cell.flagged;
    return [cell.flagged * range.flagged.min + rest * range.unflagged.min, cell.flagged * range.flagged.max + rest * range.unflagged.max];
  }
  return [cell.n * range.min, cell.n * range.max];
}

function atEdge(cell: SumCell, range: ScoreRange, withSplit: boolean): boolean {
  const [lo, hi] = sumBounds(cell, range, withSplit);
  return cell.n > 0 && (cell.sum <= lo + EPSILON || cell.sum >= hi - EPSILON);
}

/** Rule 2 for a cell whose split is hidden: its sum also fits one more and one fewer flagged. */
function splitSafe(cell: SumCell, range: ScoreRange): boolean {
  if (!range.flagged) return true;
  const fits = (flagged: number) => {
    const [lo, hi] = sumBounds({ n: cell.n, flagged }, range, true);
    return lo - EPSILON <= cell.sum && cell.sum <= hi + EPSILON;
  };
  return (cell.flagged === 0 || fits(cell.flagged - 1)) && (cell.flagged === cell.n || fits(cell.flagged + 1));
}

/** Whether a shown sum would tell too much (rule 2). */
function tells(cell: SumCell, range: ScoreRange): boolean {
  if (cell.n === 0) return false;
  return cell.splitShown ? atEdge(cell, range, true) : atEdge(cell, range, false) || !splitSafe(cell, range);
}

/** Whether hidden row `g` can move against another hidden row, each within its bounds (split known: the strongest attacker). */
function movable(rows: readonly SumCell[], g: number, hiddenRows: readonly number[], range: ScoreRange): boolean {
  const [lo, hi] = sumBounds(rows[g]!, range, true);
  const s = rows[g]!.sum;
  return hiddenRows.some((h) => {
    if (h === g) return false;
    const [hLo, hHi] = sumBounds(rows[h]!, range, true);
    const t = rows[h]!.sum;
    return (s + range.step <= hi + EPSILON && t - range.step >= hLo - EPSILON) || (s - range.step >= lo - EPSILON && t + range.step <= hHi + EPSILON);
  });
}

/** Applies rules 1-3; `rows[i].hidden` and `total.hidden` start as the respondent counts' state. Mutates. */
export function protectSums(rows: SumCell[], total: SumCell, range: ScoreRange): void {
  for (const cell of [...rows, total]) {
    // Not "too few": the count may be large; what the sum would give away is another, hidden number.
    if (!cell.hidden && tells(cell, range)) cell.hidden = 'protects_other';
  }
  const hideSmallest = (): boolean => {
    let pick = -1;
    rows.forEach((r, i) => {
      if (!r.hidden && r.n > 0 && (pick < 0 || r.n < rows[pick]!.n)) pick = i;
    });
    if (pick >= 0) rows[pick]!.hidden = 'protects_other';
    return pick >= 0;
  };
  for (let round = 0; round <= rows.length + 1; round++) {
    const hiddenRows = rows.flatMap((r, i) => (r.hidden && r.n > 0 ? [i] : []));
    if (total.hidden) {
      // A hidden total must not be the sum of shown groups.
      if (hiddenRows.length === 0 && rows.some((r) => r.n > 0) && hideSmallest()) continue;
      return;
    }
    if (hiddenRows.length === 0) return;
    const rest = hiddenRows.map((i) => rows[i]!);
    const remainder: SumCell = {
      n: rest.reduce((a, r) => a + r.n, 0),
      sum: rest.reduce((a, r) => a + r.sum, 0),
      flagged: rest.reduce((a, r) => a + r.flagged, 0),
      splitShown: false,
      hidden: null,
    };
    const stuck = hiddenRows.length < 2 || hiddenRows.some((g) => !movable(rows, g, hiddenRows, range));
    if (stuck) {
      if (!hideSmallest()) total.hidden = 'protects_other';
      continue;
    }
    // The remainder's split may be derivable (total split minus shown splits): check both ways.
    if (atEdge(remainder, range, true) || tells(remainder, range)) total.hidden = 'protects_other';
    else return;
  }
}
