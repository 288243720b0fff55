// A poll's scheduled jobs: opening, reminder moments, one person's reminder, closing.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';

const id = z.string().min(1);

export const POLL_JOB_PAYLOADS = {
  'poll.open': z.object({}),
  /** Plans made before per-person reminders named the moment in the subject instead. */
  'poll.remind': z.object({ moment: z.number().int().positive().optional() }),
  'poll.remind.person': z.object({ pollId: id, personId: id, moment: z.number().int().positive().default(1) }),
  'poll.close': z.object({}),
} as const;
