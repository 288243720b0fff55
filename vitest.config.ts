import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One migrated PGlite data directory per run, which each in-memory test database starts from.
    globalSetup: ['./tests/support/global-setup.ts'],
    // PGlite boots a WASM PostgreSQL per file; forks keep those heaps apart.
    pool: 'forks',
    // Files share a worker's module graph (the SDKs and Prisma's client load once per worker, not per
    // file); every file builds its own databases, fakes and apps, and closes them.
    isolate: false,
    testTimeout: 30_000,
    // expect.poll waits for something another process or the browser does (a reply posted, a page
    // updated). Its default 1 s was a flake on a loaded machine (a check-in summary on PostgreSQL
    // took longer while the other core ran tests); waiting longer costs nothing when it passes.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Two cores: more workers than that only slows the PGlite boots down.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
