// Scheduled occurrences come back from the database as JSON: the core checks each one's kind and
// payload before any handler runs. An unknown kind (a row from a newer or older version) or a
// payload its plan would never write is refused with INVALID_JOB, and nothing is read or sent.
import { describe, expect, it } from 'vitest';
import type { CoreDeps, Occurrence } from '../../src/core/index.ts';
import { runJob } from '../../src/core/planning/jobs.ts';
import { JOB_HANDLERS } from '../../src/core/features.ts';
import { JOB_KINDS, JOB_PAYLOADS } from '../../src/core/planning/payloads.ts';

/** Deps that fail the test the moment a handler touches anything. */
const untouchable = new Proxy(
  {},
  {
    get: (_, key) => {
      throw new Error(`a refused job touched deps.${String(key)}`);
    },
  },
) as CoreDeps;
const at = new Date('2026-12-02T08:00:00Z');
const occurrence = (kind: string, payload: unknown): Occurrence => ({ kind, subject: 's', groupId: null, payload, at });

describe('scheduled jobs as the core receives them', () => {
  it('refuses a kind it does not know', async () => {
    await expect(runJob(JOB_HANDLERS, untouchable, occurrence('checkin.reopen', {}))).rejects.toMatchObject({ code: 'INVALID_JOB' });
  });

  it('refuses a payload its plan would never write, naming the field', async () => {
    await expect(runJob(JOB_HANDLERS, untouchable, occurrence('nudge', { roundId: 42 }))).rejects.toMatchObject({ code: 'INVALID_JOB', message: expect.stringContaining('roundId') });
    await expect(runJob(JOB_HANDLERS, untouchable, occurrence('poll.remind.person', { pollId: 'p', personId: '' }))).rejects.toMatchObject({ code: 'INVALID_JOB' });
    await expect(runJob(JOB_HANDLERS, untouchable, occurrence('data.removal', { platform: 'discord', workspace: 'x', scope: '' }))).rejects.toMatchObject({ code: 'INVALID_JOB' });
    await expect(runJob(JOB_HANDLERS, untouchable, occurrence('agreement.followup', null))).rejects.toMatchObject({ code: 'INVALID_JOB' });
  });

  it('fills what older plans left out, and drops what no handler reads', () => {
    expect(JOB_PAYLOADS['poll.remind.person'].parse({ pollId: 'p', personId: 'u' })).toEqual({ pollId: 'p', personId: 'u', moment: 1 });
    expect(JOB_PAYLOADS['prompt.weekly'].parse({})).toEqual({ theme: null });
    expect(JOB_PAYLOADS['checkin.close'].parse({ stray: true })).toEqual({});
    // A plan's closing that does not parse never stops its opening: it reads as none.
    expect(JOB_PAYLOADS['checkin.open'].parse({ close: { cron: 5 } })).toEqual({ close: null });
  });

  it('knows every kind the scheduler can hold', () => {
    expect([...JOB_KINDS].sort()).toEqual([
      'agreement.followup',
      'checkin.close',
      'checkin.open',
      'data.removal',
      'data.retention',
      'nudge',
      'poll.close',
      'poll.open',
      'poll.remind',
      'poll.remind.person',
      'prompt.weekly',
      'wellbeing.reminder',
    ]);
  });
});
