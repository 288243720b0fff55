// A poll instrument's texts follow how it is scored, not what its file is called: a second
// instrument scored like WHO-5 (another id, say a translated copy) shows HR the WHO-5 lines
// instead of failing on a text named after its id.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CoreDeps } from '../../src/core/context.ts';
import { resultsMessage } from '../../src/core/polls/show.ts';
import { plainText } from '../../src/core/model/messages.ts';
import { loadInstruments } from '../../src/content-loader/instruments.ts';
import { createStore } from '../../src/store/index.ts';
import { inMemory } from '../support/memory-database.ts';
import { openDatabase } from '../../src/store/index.ts';
import { ManualClock, MemoryLogger, RecordingDeliverer } from '../support/fakes.ts';
import { closedPollOfFive } from '../support/closed-poll.ts';

let close: () => Promise<void>;
let deps: CoreDeps;
const at = new Date('2026-12-01T08:00:00Z');

beforeAll(async () => {
  const db = await openDatabase(inMemory());
  close = () => db.close();
  const who5 = loadInstruments().find((i) => i.id === 'who5')!;
  deps = {
    store: createStore(db.prisma),
    clock: new ManualClock(at),
    deliverer: new RecordingDeliverer(),
    logger: new MemoryLogger(),
    defaultLanguage: 'en',
    defaultTimeZone: 'Europe/Copenhagen',
    instruments: [{ ...who5, id: 'trivsel-kopi' }],
  };
}, 60_000);
afterAll(async () => close?.());

it('shows a WHO-5-scored instrument with another id in WHO-5 terms', async () => {
  const poll = await closedPollOfFive(deps.store, { instrumentId: 'trivsel-kopi', prefix: 'S', at });
  const text = plainText((await resultsMessage(deps, poll, 'en', true)).blocks);
  expect(text).toContain('Mean well-being index: 60');
  expect(text).toContain('Share below 50');
});
