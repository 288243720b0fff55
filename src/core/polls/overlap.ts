// Which released polls a poll's results are compared with (across.ts), and the comparison itself
// as the results need it. Two polls overlap when a figure of one could be subtracted from a figure
// of the other: the same instrument, two scored instruments (a WHO-5 index and a PSS-10 total are
// different numbers, but whoever is unsure must assume a link), or a shared question text. When a
// poll's questions are unknown (an instrument no longer published), it overlaps everything.
import type { CoreDeps } from '../context.ts';
import { acrossPolls, type AcrossMask } from './across.ts';
import type { Instrument } from './instrument.ts';
import { hasThreshold } from './scoring/rules.ts';
import type { Poll } from './model.ts';

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function questionTexts(poll: Poll, instrument: Instrument | undefined): Set<string> | null {
  if (poll.instrumentId && !instrument) return null;
  const texts = instrument ? instrument.items.map((i) => i.text) : poll.questions.map((q) => q.text);
  return new Set(texts.flatMap((t) => [normal(t.da), normal(t.en)]).filter((t) => t !== ''));
}

export function overlapping(a: Poll, b: Poll, instruments: readonly Instrument[]): boolean {
  if (a.instrumentId !== null && a.instrumentId === b.instrumentId) return true;
  const ia = instruments.find((i) => i.id === a.instrumentId);
  const ib = instruments.find((i) => i.id === b.instrumentId);
  if (ia && ib && hasThreshold(ia) && hasThreshold(ib)) return true;
  const ta = questionTexts(a, ia);
  const tb = questionTexts(b, ib);
  if (!ta || !tb || ta.size === 0 || tb.size === 0) return true;
  return [...ta].some((t) => tb.has(t));
}

/** What of a released poll's results the cross-poll rule hides, from the store's overlap sizes. */
export async function acrossMaskOf(deps: CoreDeps, poll: Poll): Promise<AcrossMask> {
  const regions = await deps.store.respondentRegions(poll.id);
  const ids = [...new Set([poll.id, ...regions.flatMap((r) => r.cells.map((c) => c.pollId))])];
  const polls = new Map<string, Poll>([[poll.id, poll]]);
  for (const id of ids) {
    const other = id === poll.id ? poll : await deps.store.poll(id);
    // Only released polls count; the store already leaves out the rest, checked again here.
    if (other && other.workspace === poll.workspace && (other.status === 'closed' || other.id === poll.id)) polls.set(id, other);
  }
  const instruments = deps.instruments ?? [];
  const known = regions.map((r) => ({ ...r, cells: r.cells.filter((c) => polls.has(c.pollId)) })).filter((r) => r.cells.length > 0);
  return acrossPolls({
    poll: poll.id,
    polls: [...polls.values()].map((p) => ({ id: p.id, threshold: p.threshold, closesAt: p.closesAt })),
    overlaps: (a, b) => overlapping(polls.get(a)!, polls.get(b)!, instruments),
    regions: known,
  });
}
