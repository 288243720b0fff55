#!/usr/bin/env node
// Builds the Teams app package: dist/lederrum-teams.zip with manifest.json, the two icons and
// the localization files at the root of the zip (Teams refuses packages with a folder inside).
//
//   MICROSOFT_APP_ID=<guid> PUBLIC_URL=https://<host> npm run teams:package [-- --out DIR]
//
// `{{MICROSOFT_APP_ID}}` in the manifest (app id and bot id) and in the localization files is
// replaced by MICROSOFT_APP_ID, and `{{PUBLIC_URL}}` (the privacy and terms pages Lederrum serves
// itself, /privacy and /terms) by PUBLIC_URL, the address Lederrum is reached at.
// `--allow-placeholder` packages with an all-zero id and https://lederrum.invalid when they are
// unset (for tests; Teams will not accept that package).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'manifests', 'teams');
const PACKAGE_NAME = 'lederrum-teams.zip';
const PLACEHOLDER = '{{MICROSOFT_APP_ID}}';
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const URL_PLACEHOLDER = '{{PUBLIC_URL}}';
const PLACEHOLDER_URL = 'https://lederrum.invalid';
const EXAMPLE_ID = '3f2b8c1e-5a4d-4e7b-9c21-8d6f0a1b2c3d';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Fixed entry times keep the zip the same from run to run for the same id.
const MTIME = new Date(2025, 0, 1, 0, 0, 0);

function fail(message) {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { out: join(ROOT, 'dist'), allowPlaceholder: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--allow-placeholder') options.allowPlaceholder = true;
    else if (arg === '--out') {
      const dir = argv[++i];
      if (!dir) fail('--out needs a directory, e.g. --out dist');
      options.out = resolve(dir);
    } else if (arg.startsWith('--out=')) options.out = resolve(arg.slice('--out='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: MICROSOFT_APP_ID=<guid> PUBLIC_URL=https://<host> npm run teams:package [-- --out DIR] [--allow-placeholder]');
      process.exit(0);
    } else fail(`Unknown argument ${arg}. Usage: MICROSOFT_APP_ID=<guid> PUBLIC_URL=https://<host> npm run teams:package [-- --out DIR]`);
  }
  return options;
}

function appId(allowPlaceholder) {
  const raw = (process.env.MICROSOFT_APP_ID ?? '').trim();
  if (raw === '') {
    if (allowPlaceholder) {
      console.warn(`MICROSOFT_APP_ID is not set: packaging with ${PLACEHOLDER_ID} (--allow-placeholder). Teams will not accept this package.`);
      return PLACEHOLDER_ID;
    }
    fail(
      [
        'MICROSOFT_APP_ID is not set.',
        "Set it to your bot's Microsoft App ID (a GUID: Azure Bot resource → Configuration, or Teams Developer Portal → Bot management), e.g.",
        `  MICROSOFT_APP_ID=${EXAMPLE_ID} PUBLIC_URL=https://lederrum.example.org npm run teams:package`,
      ].join('\n'),
    );
  }
  if (!GUID.test(raw)) {
    fail(`MICROSOFT_APP_ID must be a GUID like ${EXAMPLE_ID}, not "${raw}".`);
  }
  return raw;
}

/** PUBLIC_URL without a trailing slash: the manifest's privacy and terms pages are under it. */
function publicUrl(allowPlaceholder) {
  const raw = (process.env.PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (raw === '') {
    if (allowPlaceholder) return PLACEHOLDER_URL;
    fail(
      [
        'PUBLIC_URL is not set.',
        'Set it to the address Teams reaches Lederrum at; the manifest points at its /privacy and /terms pages, e.g.',
        '  PUBLIC_URL=https://lederrum.example.org npm run teams:package',
      ].join('\n'),
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    fail(`PUBLIC_URL must be an https address like https://lederrum.example.org, not "${raw}".`);
  }
  if (url.protocol !== 'https:' || url.search || url.hash) fail(`PUBLIC_URL must be an https address like https://lederrum.example.org, not "${raw}".`);
  return raw;
}

/** Reads a JSON file from manifests/teams with the id and address filled in; refuses leftover placeholders. */
function substituted(name, id, url) {
  const path = join(SOURCE, name);
  if (!existsSync(path)) fail(`${relative(ROOT, path)} is missing.`);
  const text = readFileSync(path, 'utf8').replaceAll(PLACEHOLDER, id).replaceAll(URL_PLACEHOLDER, url);
  const leftover = /\{\{[^}]*\}\}/.exec(text);
  if (leftover) fail(`${relative(ROOT, path)} still contains ${leftover[0]} after substitution; only ${PLACEHOLDER} and ${URL_PLACEHOLDER} are filled in.`);
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`${relative(ROOT, path)} is not valid JSON: ${error.message}`);
  }
  return { text, json };
}

/** A file named by the manifest must sit next to it: the zip has no folders. */
function rootFile(name, field) {
  if (typeof name !== 'string' || name === '' || basename(name) !== name || isAbsolute(name)) {
    fail(`manifest.json ${field} must be a plain file name next to manifest.json, not ${JSON.stringify(name)}.`);
  }
  return name;
}

const options = parseArgs(process.argv.slice(2));
const id = appId(options.allowPlaceholder);
const url = publicUrl(options.allowPlaceholder);
const manifest = substituted('manifest.json', id, url);

const files = { 'manifest.json': manifest.text };
for (const field of ['color', 'outline']) {
  const name = rootFile(manifest.json.icons?.[field], `icons.${field}`);
  const path = join(SOURCE, name);
  if (!existsSync(path)) fail(`${relative(ROOT, path)} is missing; run node scripts/teams-icons.mjs.`);
  files[name] = readFileSync(path);
}
for (const [i, language] of (manifest.json.localizationInfo?.additionalLanguages ?? []).entries()) {
  const name = rootFile(language.file, `localizationInfo.additionalLanguages[${i}].file`);
  files[name] = substituted(name, id, url).text;
}

const entries = Object.fromEntries(
  Object.entries(files).map(([name, content]) => [name, [typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content), { level: 9, mtime: MTIME }]]),
);
const zip = zipSync(entries);
mkdirSync(options.out, { recursive: true });
const target = join(options.out, PACKAGE_NAME);
writeFileSync(target, zip);

const shown = relative(process.cwd(), target);
console.log(`Teams app package for MICROSOFT_APP_ID=${id} at ${url} (${Object.keys(files).join(', ')}):`);
console.log(shown.startsWith('..') || isAbsolute(shown) ? target : shown);
