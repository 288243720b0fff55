// The first step of `npm test`: a Chromium for the browser tests, or a stop at once with how to get
// one (tests/support/chromium.ts) — before the type check and the suite, not as every browser test
// failing later.
import { ChromiumMissing, ensureChromium, machineChromium } from './chromium.ts';

try {
  const found = await ensureChromium(machineChromium());
  console.log(`Chromium for the browser tests: ${found.path} (${found.installed ? "Playwright's own, just downloaded" : found.source})`);
} catch (error) {
  if (!(error instanceof ChromiumMissing)) throw error;
  console.error(error.message);
  process.exit(1);
}
