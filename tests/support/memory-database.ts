// An in-memory PGlite for one test: started from the run's migrated template when there is one
// (see global-setup.ts), else from scratch (a file run outside vitest's setup). Either way the
// migrations run at open, so a template that fell behind the schema would fail loudly, not quietly.
import { readFileSync } from 'node:fs';
import type { DatabaseTarget } from '../../src/store/index.ts';

export const TEMPLATE_VARIABLE = 'LEDERRUM_TEST_PGLITE_TEMPLATE';

let template: Blob | undefined;

export function inMemory(): DatabaseTarget {
  const file = process.env[TEMPLATE_VARIABLE];
  if (file && !template) template = new Blob([readFileSync(file)]);
  return { kind: 'pglite', dataDir: null, ...(template ? { template } : {}) };
}
