// Records the line count and SHA-256 of each seed report (000..004) in content/seed-lines.json,
// so the content tests can check every cited "NNN:from-to" range without the seeds themselves
// (CI runs on a fresh clone). Run it again only when the seeds change:
//   node scripts/seed-index.mjs [seeds-dir]   (default: $LEDERRUM_SEEDS or /work/shared/seeds)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Lines as an editor numbers them: a final line without a newline still counts. */
export function countLines(text) {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

export function indexSeeds(dir) {
  const files = {};
  for (const name of readdirSync(dir).sort()) {
    const match = /^(00[0-4])_.*\.txt$/.exec(name);
    if (!match) continue;
    const bytes = readFileSync(join(dir, name));
    files[match[1]] = {
      file: name,
      lines: countLines(bytes.toString('utf8')),
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.LEDERRUM_SEEDS ?? '/work/shared/seeds';
  const files = indexSeeds(dir);
  const prefixes = Object.keys(files);
  if (prefixes.join() !== '000,001,002,003,004') {
    console.error(`expected seed files 000..004 in ${dir}, found: ${prefixes.join(', ') || 'none'}`);
    process.exit(1);
  }
  const out = fileURLToPath(new URL('../content/seed-lines.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify({ files }, null, 2)}\n`);
  console.log(`wrote ${out}: ${prefixes.map((p) => `${p} (${files[p].lines} lines)`).join(', ')}`);
}
