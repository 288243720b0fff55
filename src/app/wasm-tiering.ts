// Keeps WebAssembly on V8's baseline compiler (Liftoff) for the life of the process. Both
// databases run on WebAssembly: Prisma's query compiler, and PGlite's whole PostgreSQL. By default
// V8 recompiles their busy functions with its optimising compiler (TurboFan) in the background,
// and what those compilations leave behind stays resident (issue 18, idle RSS 30 s after ready):
// about 12 MiB on PostgreSQL and 50 MiB on PGlite. The price is CPU: on PGlite, requests cost
// 0-7 % more once warm (and less in the first seconds, which no longer pay for the
// recompilation); on PostgreSQL the query compiler's share of a request is too small to show.
// V8 reads the flags when it compiles a module, so main() sets them before the database opens;
// a module compiled earlier keeps the flags it was compiled with.
import { setFlagsFromString } from 'node:v8';

export const BASELINE_ONLY = ['--no-wasm-tier-up', '--no-wasm-dynamic-tiering'] as const;

export function limitWasmTiering(): void {
  for (const flag of BASELINE_ONLY) setFlagsFromString(flag);
}
