// An in-memory PGlite for one test: started from the run's migrated template when there is one
// (see global-setup.ts), else from scratch (a file run outside vitest's setup). Either way the
// migrations run at open, so a template that fell behind the schema would fail loudly, not quietly.
import { readFileSync } from 'node:fs';
import type { DatabaseTarget } from '../../src/store/index.ts';

export const TEMPLATE_VARIABLE = 'LEDERRUM_TEST_PGLITE_TEMPLATE';

/**
 * The template's bytes as the Blob PGlite reads a data directory from, handed over whole: Node 20
 * reads a plain Blob's 40 MB in small chunks and joins them, about 270 ms of every test database's
 * 650 ms start (a test run opens some 170 of them).
 */
class TemplateBytes extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: Uint8Array) {
    super([], { type: 'application/x-tar' });
    this.#bytes = bytes.slice().buffer;
  }
  override get size(): number {
    return this.#bytes.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    // The same bytes to every database, not a copy each (another 60 ms): PGlite only reads them, and
    // its in-memory file system copies each file out (pglite-template.test.ts opens two, writes to one).
    return Promise.resolve(this.#bytes);
  }
}

let template: Blob | undefined;

export function inMemory(): DatabaseTarget {
  const file = process.env[TEMPLATE_VARIABLE];
  if (file && !template) template = new TemplateBytes(readFileSync(file));
  return { kind: 'pglite', dataDir: null, ...(template ? { template } : {}) };
}
