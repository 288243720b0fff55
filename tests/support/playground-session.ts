// A browser test's usual start on the playground: the whole app (embedded database), real Chromium,
// and one page open as a person; closed after the file's tests. Call at the top of a test file.
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPlaygroundAs } from './browser.ts';
import { startTestApp } from './app.ts';

export interface PlaygroundSession {
  readonly app: Awaited<ReturnType<typeof startTestApp>>;
  readonly browser: Browser;
  /** The page open as the person named. */
  readonly page: Page;
}

export function playgroundSessionAs(name: string): PlaygroundSession {
  const session = {} as { app: PlaygroundSession['app']; browser: Browser; page: Page };
  beforeAll(async () => {
    session.app = await startTestApp();
    session.browser = await launchChromium();
    session.page = await openPlaygroundAs(session.browser, session.app.url, name);
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}
