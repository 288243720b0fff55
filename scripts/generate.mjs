// `prisma generate` offline: Prisma 7's CLI looks for its native schema engine even though
// generate never runs it, and this machine cannot download it. Pointing the variable at any
// executable satisfies the lookup. Then the parameterization graph in the generated client is
// reordered to take less memory (scripts/param-graph.mjs; it warns and leaves it if it cannot).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  env,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
const compacted = spawnSync(process.execPath, ['scripts/param-graph.mjs'], { stdio: 'inherit' });
process.exit(compacted.status ?? 1);
