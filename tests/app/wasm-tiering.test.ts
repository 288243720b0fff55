// WebAssembly kept on V8's baseline compiler (src/app/wasm-tiering.ts, issue 18: idle memory):
// flags set at run time, as main() sets them, keep a busy function on Liftoff where without them
// V8 recompiles it with TurboFan; and main() sets them before the database (and so its
// WebAssembly) is opened. A Node whose V8 renamed the flags fails here, not silently in memory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// (func (param i32) (result i32)): sums n, n-1, …, 1 in a loop; busy enough to be tiered up.
const SUM = [
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, 0x0a, 0x1b, 0x01, 0x19, 0x01, 0x01,
  0x7f, 0x03, 0x40, 0x20, 0x01, 0x20, 0x00, 0x6a, 0x21, 0x01, 0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00, 0x0d, 0x00, 0x0b, 0x20, 0x01, 0x0b,
];

/** Runs a busy wasm function (2 s at most) in a fresh process and says whether it is still on Liftoff. */
function staysOnLiftoff(limit: boolean): boolean {
  const script = `${limit ? "const { limitWasmTiering } = await import('../../src/app/wasm-tiering.ts'); limitWasmTiering();" : ''}
    const sum = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(${JSON.stringify(SUM)}))).exports.f;
    if (sum(4) !== 10) throw new Error('the test module does not sum');
    // Long enough for V8's background recompilation on a loaded machine; it stops once that is done.
    const until = Date.now() + 2000;
    while (Date.now() < until && %IsLiftoffFunction(sum)) sum(100000);
    console.log(JSON.stringify(%IsLiftoffFunction(sum)));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: import.meta.dirname,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as boolean;
}

describe('limitWasmTiering', () => {
  it('keeps a busy WebAssembly function on the baseline compiler, which V8 otherwise recompiles', () => {
    expect(staysOnLiftoff(false)).toBe(false);
    expect(staysOnLiftoff(true)).toBe(true);
  });

  it('is called by main() before the app (and its database) starts', () => {
    const main = readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8');
    const limited = main.indexOf('limitWasmTiering();');
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(main.indexOf('await startApp('));
  });
});
