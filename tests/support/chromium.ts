// Which Chromium the browser tests drive, in this order: CHROMIUM_PATH; Debian's package (`chromium`
// on PATH, /usr/bin/chromium); Playwright's own (playwright-core's download, if one is there).
// `npm test` first runs ensureChromium (tests/support/chromium-check.ts), which where none is found
// tries to download Playwright's own, and otherwise stops the run at once with a message naming both
// ways to get one; the browser tests themselves only look (findChromium), never download.
// What it looks at is injected, so the order and the message are tested without a real download.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  /** True for an executable file. */
  executable(path: string): boolean;
  /** Where Playwright's own Chromium would be, installed or not; null where Playwright has none for this machine. */
  playwrightPath(): string | null;
  /** Downloads Playwright's own Chromium; false when that did not work (no network, no space, timeout). */
  install(): Promise<{ ok: boolean; output: string }>;
}

export type ChromiumSource = 'CHROMIUM_PATH' | 'debian' | 'playwright';

export interface FoundChromium {
  path: string;
  source: ChromiumSource;
}

export class ChromiumMissing extends Error {
  override name = 'ChromiumMissing';
}

/** The first Chromium there is, or null; a CHROMIUM_PATH that is set must be one (else ChromiumMissing). */
export function findChromium(lookup: ChromiumLookup): FoundChromium | null {
  const configured = lookup.env['CHROMIUM_PATH'];
  if (configured) {
    if (lookup.executable(configured)) return { path: configured, source: 'CHROMIUM_PATH' };
    throw new ChromiumMissing(missingChromiumMessage(`CHROMIUM_PATH is ${configured}, which is not an executable file`));
  }
  for (const dir of (lookup.env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const path = join(dir, 'chromium');
    if (lookup.executable(path)) return { path, source: 'debian' };
  }
  const own = lookup.playwrightPath();
  if (own && lookup.executable(own)) return { path: own, source: 'playwright' };
  return null;
}

/** findChromium, and where there is none, Playwright's own downloaded; ChromiumMissing when that fails too. */
export async function ensureChromium(lookup: ChromiumLookup): Promise<FoundChromium & { installed: boolean }> {
  const found = findChromium(lookup);
  if (found) return { ...found, installed: false };
  const attempt = await lookup.install();
  const own = lookup.playwrightPath();
  if (attempt.ok && own && lookup.executable(own)) return { path: own, source: 'playwright', installed: true };
  // The installer's first error line says why (getaddrinfo ENOTFOUND cdn.playwright.dev, …).
  const lines = attempt.output.split('\n').map((line) => line.trim());
  const why = (lines.find((line) => line.startsWith('Error: ')) ?? lines.filter(Boolean).at(-1) ?? '').replace(/^Error: /, '');
  throw new ChromiumMissing(missingChromiumMessage(`none is installed, and downloading Playwright's own did not work${why ? ` (${why})` : ''}`));
}

export function missingChromiumMessage(reason: string): string {
  return [
    `No Chromium for the browser tests: ${reason}.`,
    'Get one either way, then run npm test again:',
    "  - Debian's package:   apt-get install chromium          (/usr/bin/chromium)",
    "  - Playwright's own:   npx playwright install chromium   (a download into ~/.cache/ms-playwright)",
    'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  ].join('\n');
}

const INSTALL_TIMEOUT_MS = 5 * 60_000;

/** The real machine: its files, playwright-core's registry and its installer. */
export function machineChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const require = createRequire(import.meta.url);
  const playwright = dirname(require.resolve('playwright-core/package.json'));
  return {
    env,
    executable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    playwrightPath() {
      try {
        return (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath() || null;
      } catch {
        return null;
      }
    },
    install() {
      console.log("No Chromium found; downloading Playwright's own (npx playwright install chromium) …");
      // The browser only (no headless shell: the tests launch the full one by path). An unreachable
      // download fails within seconds (a 10 s connection timeout); a reachable one gets five minutes.
      const child = spawn(process.execPath, [join(playwright, 'cli.js'), 'install', '--no-shell', 'chromium'], {
        env: { ...env, PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: env['PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT'] ?? '10000' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: INSTALL_TIMEOUT_MS,
      });
      let output = '';
      // Its output (retries, stack traces) is kept for the reason it failed, not shown.
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
        });
      }
      return new Promise((resolve) => {
        child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
        child.on('exit', (code, signal) => resolve({ ok: code === 0, output: signal ? `${output}\nstopped after ${INSTALL_TIMEOUT_MS / 60_000} minutes` : output }));
      });
    },
  };
}
