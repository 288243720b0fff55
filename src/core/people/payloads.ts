// The data jobs: the daily retention pass and an uninstalled workspace's removal.
// Payloads are stored as JSON and checked when read back (planning/payloads.ts joins every feature's).
import { z } from 'zod';
import { PLATFORMS, storedWorkspace } from '../model/domain.ts';

export const DATA_JOB_PAYLOADS = {
  'data.retention': z.object({}),
  'data.removal': z.object({ platform: z.enum(PLATFORMS), workspace: z.string().min(1).transform(storedWorkspace), scope: z.string() }),
} as const;
