// Prisma's query compiler loaded from its file rather than kept as a base64 module in memory
// (src/store/query-compiler.ts, issue 18: idle memory). With the installed Prisma the file path
// must be the one taken, on both databases: if an upgrade changes the internals it leans on, the
// app quietly falls back to Prisma's loader and this test is where that shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilerLoad, withCompilerFromFile } from '../../src/store/query-compiler.ts';
import { bothDatabases } from '../support/databases.ts';

type Loader = { getQueryCompilerWasmModule: () => Promise<WebAssembly.Module> };
const loaderOf = (prisma: object) => (prisma as { _engineConfig: { compilerWasm: Loader } })._engineConfig.compilerWasm;

describe.each(bothDatabases)('the query compiler on $name', (testDb) => {
  let db: Awaited<ReturnType<typeof testDb.open>>;

  beforeAll(async () => {
    db = await testDb.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("is compiled from the file Prisma's generated client imports, and plans queries", async () => {
    // Called directly: Prisma loads the compiler once per process, and another client may have done it.
    const module = await loaderOf(db.prisma).getQueryCompilerWasmModule();
    expect(compilerLoad(db.prisma)).toEqual({ source: 'file' });
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain('__wbindgen_start');
    expect(await db.prisma.user.count({ where: { externalId: 'nobody' } })).toBe(0);
  });
});

describe('withCompilerFromFile', () => {
  // A module Prisma's own loader could return: the smallest valid one.
  const EMPTY = new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));

  it("falls back to Prisma's own loader, saying why, when the file it names is not there", async () => {
    const prisma = {
      _engineConfig: {
        compilerWasm: {
          getQueryCompilerWasmModule: async () => {
            if (Math.random() > 2) await import('@prisma/client/runtime/no_such_compiler.wasm-base64.mjs' as string);
            return EMPTY;
          },
        },
      },
    };
    withCompilerFromFile(prisma);
    expect(await loaderOf(prisma).getQueryCompilerWasmModule()).toBe(EMPTY);
    expect(compilerLoad(prisma)).toMatchObject({ source: 'prisma', reason: expect.stringContaining('no_such_compiler') });
  });

  it('leaves a client without the loader it expects as it is', () => {
    const prisma = { _engineConfig: {} };
    expect(withCompilerFromFile(prisma)).toEqual({ _engineConfig: {} });
    expect(compilerLoad(prisma)).toMatchObject({ source: 'prisma', reason: expect.stringContaining('compilerWasm') });
  });

  it("leaves a loader alone that imports no base64 module, and doesn't touch other clients' loaders", () => {
    const shared = { getQueryCompilerWasmModule: async () => EMPTY };
    const prisma = { _engineConfig: { compilerWasm: shared } };
    withCompilerFromFile(prisma);
    expect(loaderOf(prisma)).toBe(shared);
    expect(compilerLoad(prisma)).toMatchObject({ source: 'prisma', reason: expect.stringContaining('imports no') });
  });
});
