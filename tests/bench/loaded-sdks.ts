// Which platform SDKs a playground-only Lederrum loads: counts the modules of Bolt, botbuilder and
// teams-ai in Node's module cache once the app is ready (adapters load only when configured, so
// all three should be 0). Run: npx tsx tests/bench/loaded-sdks.ts
import { createRequire } from 'node:module';
import { startApp } from '../../src/app/app.ts';
import { loadConfig } from '../../src/app/config.ts';

const require = createRequire(import.meta.url);
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const app = await startApp({ config: loadConfig({ PORT: '0', SCHEDULER: 'off', OUTBOX_WORKER: 'off' }), logger, database: { kind: 'pglite', dataDir: null } });
const cache = Object.keys((require('node:module') as { _cache: Record<string, unknown> })._cache);
const count = (part: string) => cache.filter((path) => path.includes(part)).length;
console.log(`modules loaded: @slack/bolt ${count('@slack/bolt')}, botbuilder ${count('/botbuilder')}, @microsoft/teams-ai ${count('@microsoft/teams-ai')}`);
await app.close();
process.exit(0);
