// Which Chromium the browser tests drive (tests/support/chromium.ts), on a made-up machine: the
// order it looks in, the download it tries where there is none, and the message where that fails.
import { describe, expect, it } from 'vitest';
import { type ChromiumLookup, ChromiumMissing, ensureChromium, findChromium } from '../support/chromium.ts';

const DEBIAN = '/usr/bin/chromium';
const OWN = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const MINE = '/opt/chrome/chrome';

function machine(files: string[], env: NodeJS.ProcessEnv = {}, download: { ok: boolean; output: string; adds?: string } = { ok: false, output: '' }) {
  const present = new Set(files);
  const installs: number[] = [];
  const lookup: ChromiumLookup = {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    executable: (path) => present.has(path),
    playwrightPath: () => OWN,
    install: async () => {
      installs.push(1);
      if (download.adds) present.add(download.adds);
      return { ok: download.ok, output: download.output };
    },
  };
  return { lookup, installs };
}

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChromiumMissing);
  return (error as Error).message;
}

function namesBothWays(message: string): void {
  expect(message).toContain('apt-get install chromium');
  expect(message).toContain('npx playwright install chromium');
  expect(message).toContain('CHROMIUM_PATH');
}

describe('finding a Chromium', () => {
  it('takes CHROMIUM_PATH first, then Debian’s on PATH, then Playwright’s own', () => {
    expect(findChromium(machine([MINE, DEBIAN, OWN], { CHROMIUM_PATH: MINE }).lookup)).toEqual({ path: MINE, source: 'CHROMIUM_PATH' });
    expect(findChromium(machine([DEBIAN, OWN]).lookup)).toEqual({ path: DEBIAN, source: 'debian' });
    expect(findChromium(machine([OWN]).lookup)).toEqual({ path: OWN, source: 'playwright' });
    expect(findChromium(machine([DEBIAN, OWN], { PATH: '/usr/local/bin' }).lookup)).toEqual({ path: OWN, source: 'playwright' });
    expect(findChromium(machine([]).lookup)).toBeNull();
  });

  it('does not download when one is there', async () => {
    const { lookup, installs } = machine([DEBIAN]);
    expect(await ensureChromium(lookup)).toEqual({ path: DEBIAN, source: 'debian', installed: false });
    expect(installs).toEqual([]);
  });

  it('refuses a CHROMIUM_PATH that is not there rather than quietly using another', async () => {
    const { lookup, installs } = machine([DEBIAN], { CHROMIUM_PATH: '/nonexistent' });
    const message = await refusal(ensureChromium(lookup));
    expect(message).toContain('CHROMIUM_PATH is /nonexistent, which is not an executable file');
    namesBothWays(message);
    expect(installs).toEqual([]);
  });

  it('downloads Playwright’s own where there is none, and uses it', async () => {
    const { lookup, installs } = machine([], {}, { ok: true, output: '', adds: OWN });
    expect(await ensureChromium(lookup)).toEqual({ path: OWN, source: 'playwright', installed: true });
    expect(installs).toEqual([1]);
  });

  it('stops with both ways to get one, and why, where the download does not work', async () => {
    const { lookup, installs } = machine([], {}, { ok: false, output: 'Downloading Chrome for Testing …\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n    at x\nFailed to install browsers\n' });
    const message = await refusal(ensureChromium(lookup));
    expect(message).toContain("none is installed, and downloading Playwright's own did not work (getaddrinfo ENOTFOUND cdn.playwright.dev)");
    namesBothWays(message);
    expect(installs).toEqual([1]);
  });

  it('does not trust a download that says it worked but left no browser', async () => {
    const message = await refusal(ensureChromium(machine([], {}, { ok: true, output: '' }).lookup));
    expect(message).toContain("downloading Playwright's own did not work");
  });
});
