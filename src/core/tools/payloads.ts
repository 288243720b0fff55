// The weekly reflection prompt's job: the theme it draws from, if the group chose one.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';

export const TOOL_JOB_PAYLOADS = {
  'prompt.weekly': z.object({ theme: z.string().nullable().default(null) }),
} as const;
