// A group's agreements over time, for the facilitator's view: each agreement's status at the end
// of each week, worked out from its history. Pure; counts only, never an agreement's words.
import type { Agreement, AgreementEvent, AgreementStatus, Benefit } from './model.ts';
import { BENEFITS } from './model.ts';

export const STATUSES: readonly AgreementStatus[] = ['active', 'adjusted', 'kept', 'stopped'];

/**
 * The status an agreement had after these events (rules.ts decides the same way): adjusting makes
 * it adjusted, stopping stopped; keeping a one-off agreement makes it kept, while a repeating one
 * stays as it was until it is stopped.
 */
export function statusAfter(agreement: Pick<Agreement, 'repeatWeeks'>, events: readonly AgreementEvent[]): AgreementStatus {
  let status: AgreementStatus = 'active';
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (event.kind === 'adjusted') status = 'adjusted';
    else if (event.kind === 'stopped') status = 'stopped';
    else if (event.kind === 'kept' && agreement.repeatWeeks === null) status = 'kept';
  }
  return status;
}

/**
 * How many agreements had each status at each moment (oldest first): those made by then, with the
 * events up to then. At the last moment, now, the agreement's own status is the truth.
 */
export function statusCounts(agreements: readonly Agreement[], events: readonly AgreementEvent[], moments: readonly Date[]): Array<Record<AgreementStatus, number>> {
  return moments.map((moment, i) => {
    const counts: Record<AgreementStatus, number> = { active: 0, adjusted: 0, kept: 0, stopped: 0 };
    for (const agreement of agreements) {
      if (agreement.createdAt > moment) continue;
      const last = i === moments.length - 1;
      const status = last
        ? agreement.status
        : statusAfter(
            agreement,
            events.filter((e) => e.agreementId === agreement.id && e.at <= moment),
          );
      counts[status] += 1;
    }
    return counts;
  });
}

/** How the members weighed benefit against effort at follow-ups: more, matched, less. */
export function benefitCounts(events: readonly AgreementEvent[]): Record<Benefit, number> {
  const counts = Object.fromEntries(BENEFITS.map((b) => [b, 0])) as Record<Benefit, number>;
  for (const event of events) if (event.kind === 'benefit' && event.benefit) counts[event.benefit] += 1;
  return counts;
}

/** Week ends going back from `now` (oldest first), no further than the first agreement's week; at most `weeks`. */
export function weekEnds(now: Date, first: Date | null, weeks: number): Date[] {
  const moments: Date[] = [];
  for (let k = 0; k < weeks; k++) {
    const moment = new Date(now.getTime() - k * 7 * 86_400_000);
    if (k > 0 && first && moment < first) break;
    moments.unshift(moment);
  }
  return moments;
}
