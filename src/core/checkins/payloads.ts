// A check-in's scheduled jobs: its opening (the plan's closing rides along, so the plan reads
// back whole), its closing, and a gentle nudge to one member who has not answered.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';

const spec = z.object({ cron: z.string().min(1), everyNthWeek: z.union([z.literal(1), z.literal(2)]) });

export const CHECKIN_JOB_PAYLOADS = {
  /** A closing that does not parse reads as none and never stops an opening. */
  'checkin.open': z.object({ close: spec.nullable().default(null).catch(null) }),
  'checkin.close': z.object({}),
  nudge: z.object({ roundId: z.string().min(1), personId: z.string().min(1) }),
} as const;
