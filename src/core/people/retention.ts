// Retention and uninstall clean-up, run by the scheduler (issue 15, point 4).
import type { CoreDeps } from '../context.ts';
import type { Job } from '../ports.ts';

export const DATA_JOBS = { retention: 'data.retention', removal: 'data.removal' } as const;

export async function runDataJob(_deps: CoreDeps, _job: Job): Promise<void> {}
