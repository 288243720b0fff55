// Prisma's query compiler is WebAssembly, which the generated client imports as a JavaScript
// module holding it in base64: the module's source and its 2.2 MB string stay in memory for the
// life of the process, about 4.4 MiB of an idle server's heap (issue 18). This reads the same
// file as text once, compiles what it holds and lets the text go, so only the compiled module
// stays. Same file, same bytes: it never picks up a compiler from anywhere else.
//
// It leans on two things Prisma does not promise: the client's `_engineConfig.compilerWasm`
// loader (called when the first query runs, not at construction) and the file's shape
// (`const wasm = "<base64>"`). Where either is not as expected, Prisma's own loader runs and the
// process only keeps the larger heap; tests/store/query-compiler.test.ts fails then, so an
// upgrade that changes them is noticed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

type LoadModule = () => Promise<WebAssembly.Module>;
interface EngineConfig {
  compilerWasm?: { getQueryCompilerWasmModule?: unknown };
}

/** How a client's query compiler was loaded: from the file, or by Prisma's own loader and why. */
export type CompilerLoad = { source: 'file' } | { source: 'prisma'; reason: string } | { source: 'not yet' };
const loads = new WeakMap<object, CompilerLoad>();

export function compilerLoad(prisma: object): CompilerLoad {
  return loads.get(prisma) ?? { source: 'not yet' };
}

const require = createRequire(import.meta.url);
// The file the generated loader imports from Prisma's runtime, e.g. "@prisma/client/runtime/
// query_compiler_small_bg.postgresql.wasm-base64.mjs", named in its source (by name only: a test
// runner's transform rewrites the rest of the specifier).
const IMPORTED = /["'][^"'\s]*\/([\w.-]+\.wasm-base64\.mjs)["']/;
const LITERAL = /^\s*(?:export\s+)?const\s+wasm\s*=\s*"([A-Za-z0-9+/=]+)"/m;

/** Makes `prisma` load its query compiler from the file (see above); returns `prisma`. */
export function withCompilerFromFile<T extends object>(prisma: T): T {
  const config = (prisma as { _engineConfig?: EngineConfig })._engineConfig;
  const original = config?.compilerWasm?.getQueryCompilerWasmModule;
  if (!config?.compilerWasm || typeof original !== 'function') {
    loads.set(prisma, { source: 'prisma', reason: 'the client has no _engineConfig.compilerWasm.getQueryCompilerWasmModule' });
    return prisma;
  }
  const load = original as LoadModule;
  const name = IMPORTED.exec(load.toString())?.[1];
  if (!name) {
    loads.set(prisma, { source: 'prisma', reason: 'the generated loader imports no .wasm-base64.mjs module' });
    return prisma;
  }
  const fromFile = async (): Promise<WebAssembly.Module> => {
    try {
      const text = await readFile(require.resolve(`@prisma/client/runtime/${name}`), 'latin1');
      const base64 = LITERAL.exec(text)?.[1];
      if (!base64) throw new Error(`${name} holds no const wasm = "…"`);
      const module = await WebAssembly.compile(Buffer.from(base64, 'base64'));
      loads.set(prisma, { source: 'file' });
      return module;
    } catch (error) {
      loads.set(prisma, { source: 'prisma', reason: error instanceof Error ? error.message : String(error) });
      return load();
    }
  };
  // A copy for this client: the generated client's config object is shared by every client.
  config.compilerWasm = { ...config.compilerWasm, getQueryCompilerWasmModule: fromFile };
  return prisma;
}
