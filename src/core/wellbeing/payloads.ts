// The monthly well-being reminder's job: a person's own, planned only when they turn it on.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';

export const WELLBEING_JOB_PAYLOADS = {
  'wellbeing.reminder': z.object({}),
} as const;
