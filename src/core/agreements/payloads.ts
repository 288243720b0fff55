// An agreement's follow-up job.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';

export const AGREEMENT_JOB_PAYLOADS = {
  /** The follow-up day it was planned for: a changed day makes this occurrence stale. */
  'agreement.followup': z.object({ dueDate: z.string() }),
} as const;
