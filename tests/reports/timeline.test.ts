// The facilitator's agreement counts over time: an agreement's status at a moment from its
// history, the same way the follow-up rules set it.
import { describe, expect, it } from 'vitest';
import { benefitCounts, statusAfter, statusCounts, weekEnds } from '../../src/core/agreements/timeline.ts';
import type { Agreement, AgreementEvent } from '../../src/core/agreements/model.ts';

const day = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
const agreement = (id: string, created: number, status: Agreement['status'], repeatWeeks: number | null): Agreement => ({
  id,
  kind: 'group',
  text: '',
  groupId: 'g',
  ownerId: null,
  visibility: 'group',
  status,
  followUpDate: null,
  repeatWeeks,
  expectedEffort: 3,
  expectedBenefit: 3,
  source: 'direct',
  sourceRef: null,
  quietSince: null,
  createdAt: day(created),
  updatedAt: day(created),
});
const event = (agreementId: string, kind: AgreementEvent['kind'], d: number, benefit: AgreementEvent['benefit'] = null): AgreementEvent => ({
  id: `${agreementId}-${kind}-${d}`,
  agreementId,
  actorId: null,
  kind,
  at: day(d),
  previousText: null,
  followUpDate: null,
  benefit,
});

describe('agreement statuses over time', () => {
  it('keeps a repeating agreement running when it is kept, and ends a one-off', () => {
    expect(statusAfter({ repeatWeeks: 2 }, [event('a', 'made', 1), event('a', 'kept', 8)])).toBe('active');
    expect(statusAfter({ repeatWeeks: null }, [event('a', 'made', 1), event('a', 'kept', 8)])).toBe('kept');
    expect(statusAfter({ repeatWeeks: 2 }, [event('a', 'stopped', 15), event('a', 'adjusted', 8)])).toBe('stopped');
    expect(statusAfter({ repeatWeeks: null }, [event('a', 'postponed', 8), event('a', 'unanswered', 9)])).toBe('active');
  });

  it('counts each agreement made by a moment by its status then, the last moment by its status now', () => {
    const agreements = [agreement('a', 1, 'kept', null), agreement('b', 5, 'stopped', 1), agreement('c', 20, 'active', null)];
    const events = [event('a', 'adjusted', 3), event('a', 'kept', 10), event('b', 'stopped', 12), event('a', 'benefit', 10, 'more'), event('b', 'benefit', 12, 'less')];
    expect(statusCounts(agreements, events, [day(2), day(4), day(11), day(21)])).toEqual([
      { active: 1, adjusted: 0, kept: 0, stopped: 0 },
      { active: 0, adjusted: 1, kept: 0, stopped: 0 },
      { active: 1, adjusted: 0, kept: 1, stopped: 0 },
      { active: 1, adjusted: 0, kept: 1, stopped: 1 },
    ]);
    expect(benefitCounts(events)).toEqual({ more: 1, matched: 0, less: 1 });
  });

  it('goes back week by week no further than the first agreement, and at most the weeks asked for', () => {
    expect(weekEnds(day(29), day(20), 12).map((d) => d.getUTCDate())).toEqual([22, 29]);
    expect(weekEnds(day(29), null, 3).map((d) => d.getUTCDate())).toEqual([15, 22, 29]);
    expect(weekEnds(day(29), day(29), 12)).toHaveLength(1);
  });
});
