// manifests/teams/, checked against:
// 1. Microsoft's published Teams manifest JSON schemas, as bundled in @microsoft/app-manifest
//    (build/json-schemas/teams/v1.NN/), for the version the manifest names; never copied here.
// 2. Teams' icon rules (192x192 colour; 32x32 outline in white on transparent), by decoding the
//    PNGs, and that the committed icons are what scripts/teams-icons.mjs draws.
// 3. What the app does: every command Teams offers in its command menu is one the core parses,
//    listed in English in the manifest and translated, every one, in the Danish localization.
// 4. Its privacy and terms pages: the ones Lederrum serves under PUBLIC_URL, never the repository.
// 5. scripts/teams-package.mjs: the zip it builds, and its refusal without MICROSOFT_APP_ID or PUBLIC_URL.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, inflateSync } from 'node:zlib';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/features.ts';
import { LEGAL_PATHS } from '../../src/app/legal.ts';
import { otherLanguage } from '../i18n/sweep-checks.ts';

// CommonJS packages: under NodeNext the default import is module.exports, whose `.default`
// carries the types; at run time either shape may arrive.
type AjvClass = typeof AjvDraft04Module.default;
type AjvInstance = InstanceType<AjvClass>;
type AddFormats = typeof addFormatsModule.default;
const Ajv: AjvClass = (AjvDraft04Module as unknown as { default?: AjvClass }).default ?? (AjvDraft04Module as unknown as AjvClass);
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEAMS = join(ROOT, 'manifests', 'teams');
const PLACEHOLDER = '{{MICROSOFT_APP_ID}}';
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';
const URL_PLACEHOLDER = '{{PUBLIC_URL}}';
const SAMPLE_URL = 'https://lederrum.example.org';

type Json = Record<string, unknown>;

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  isNotificationOnly?: boolean;
  commandLists?: CommandList[];
}
interface Manifest extends Json {
  $schema: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: Bot[];
  permissions?: string[];
  supportsChannelFeatures?: string;
  authorization?: { permissions?: { resourceSpecific?: Array<{ name: string; type: string }> } };
  localizationInfo?: { defaultLanguageTag: string; additionalLanguages?: { languageTag: string; file: string }[] };
}

const manifestText = readFileSync(join(TEAMS, 'manifest.json'), 'utf8');
const withId = (text: string, id = SAMPLE_ID): string => text.replaceAll(PLACEHOLDER, id).replaceAll(URL_PLACEHOLDER, SAMPLE_URL);
const manifest = JSON.parse(withId(manifestText)) as Manifest;
const clone = (): Manifest => JSON.parse(JSON.stringify(manifest)) as Manifest;

// ---------------------------------------------------------------------------------------------
// The schemas, from the installed package.

const require = createRequire(import.meta.url);
const SCHEMAS = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

function schema(version: string, file: string): Json {
  const path = join(SCHEMAS, `v${version}`, file);
  if (!existsSync(path)) throw new Error(`@microsoft/app-manifest has no ${file} for manifest version ${version}`);
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

function validator(schemaJson: Json) {
  // The Teams schemas are draft-04 (checked below); ajv-draft-04 is ajv for that draft.
  // Their patterns are plain ECMAScript regular expressions: the Localization schema has one
  // (`\b]`) that is invalid with the `u` flag ajv adds by default.
  const ajv: AjvInstance = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schemaJson);
  return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`));
}

const manifestSchema = schema(manifest.manifestVersion, 'MicrosoftTeams.schema.json');
const localizationSchema = schema(manifest.manifestVersion, 'MicrosoftTeams.Localization.schema.json');
const validateManifest = validator(manifestSchema);
const validateLocalization = validator(localizationSchema);

const localizationFiles = (manifest.localizationInfo?.additionalLanguages ?? []).map((language) => ({
  ...language,
  json: JSON.parse(withId(readFileSync(join(TEAMS, language.file), 'utf8'))) as Json,
}));

describe('Teams manifest against the published schema', () => {
  it('names a released schema version, and the $schema URL of that version', () => {
    expect(manifest.manifestVersion).toMatch(/^1\.\d+$/);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifestSchema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  });

  it('is valid, with a GUID in place of the placeholder', () => {
    const errors = validateManifest(manifest);
    if (errors.length > 0) console.error(errors.join('\n'));
    expect(errors).toEqual([]);
  });

  it('uses the placeholders for the app id, the bot id and the address, and no other placeholder', () => {
    const raw = JSON.parse(manifestText) as Manifest;
    expect(raw.id).toBe(PLACEHOLDER);
    expect(raw.bots[0]?.botId).toBe(PLACEHOLDER);
    expect(raw.developer.privacyUrl.startsWith(URL_PLACEHOLDER)).toBe(true);
    expect(withId(manifestText)).not.toContain('{{');
  });

  it('points at the privacy and terms pages Lederrum serves under PUBLIC_URL, never at the repository', () => {
    expect(manifest.developer.privacyUrl).toBe(`${SAMPLE_URL}${LEGAL_PATHS.privacy}`);
    expect(manifest.developer.termsOfUseUrl).toBe(`${SAMPLE_URL}${LEGAL_PATHS.terms}`);
    expect(manifest.developer.websiteUrl.startsWith(`${SAMPLE_URL}/`)).toBe(true);
    expect(manifestText).not.toMatch(/github\.com/i);
  });

  it('has teeth: an unknown property, an unknown bot scope and a long short name fail', () => {
    const unknownProperty = { ...clone(), colour: '#000000' };
    expect(validateManifest(unknownProperty).join('\n')).toContain('additionalProperty');

    const badScope = clone();
    badScope.bots[0]!.scopes = ['personal', 'galaxy'];
    expect(validateManifest(badScope).join('\n')).toMatch(/scopes\/1 .*allowed values/);

    const longName = clone();
    longName.name.short = 'Lederrum for ledergrupper i Danmark';
    expect(longName.name.short.length).toBeGreaterThan(30);
    expect(validateManifest(longName).join('\n')).toMatch(/\/name\/short must NOT have more than 30 characters/);

    const badId = { ...clone(), id: PLACEHOLDER };
    expect(validateManifest(badId).join('\n')).toMatch(/^\/id must match pattern/m);
  });

  it('describes Lederrum within the limits', () => {
    expect(manifest.name).toEqual({ short: 'Lederrum', full: 'Lederrum – check-ins for leadership groups' });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    // Groups in private and shared channels: the app may be added there, and hears of their own roster.
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(manifest.authorization?.permissions?.resourceSpecific).toEqual([{ name: 'ChannelMember.Read.Group', type: 'Application' }]);
    const bot = manifest.bots[0]!;
    expect(manifest.bots).toHaveLength(1);
    expect(bot.botId).toBe(manifest.id);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('has a Danish localization file that is valid against the Localization schema', () => {
    expect(localizationFiles.map((file) => [file.languageTag, file.file])).toEqual([['da-dk', 'da.json']]);
    for (const file of localizationFiles) {
      expect(file.json.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
      const errors = validateLocalization(file.json);
      if (errors.length > 0) console.error(`${file.file}:\n${errors.join('\n')}`);
      expect(errors).toEqual([]);
      // Teeth: a key the schema does not know, and a required one missing.
      expect(validateLocalization({ ...file.json, 'name.shortt': 'x' })).not.toEqual([]);
      const { 'description.full': _dropped, ...withoutFull } = file.json;
      expect(validateLocalization(withoutFull).join('\n')).toContain('description.full');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Commands.

const PERSONAL = ['help', 'overview', 'agreement', 'agreements', 'tool', 'maturity', 'my data', 'language', 'timezone'];
const GROUP = ['group create', 'checkin start', 'checkin closing', 'checkin close', 'participation', 'checkin schedule', 'group add', 'group remove', 'help', 'checkin status'];

describe('Teams command menu', () => {
  const lists = manifest.bots[0]!.commandLists ?? [];

  it('has one list per bot scope with the commands for that scope', () => {
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    const titles = (scope: string) => lists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title);
    expect(titles('personal')).toEqual(PERSONAL);
    expect(titles('team')).toEqual(GROUP);
    expect(titles('groupChat')).toEqual(GROUP);
  });

  it("keeps Teams' documented limits: at most 10 commands, titles of at most 32 characters", () => {
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      expect(new Set(list.commands.map((c) => c.title)).size).toBe(list.commands.length);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description?.length ?? 0).toBeGreaterThan(0);
        expect(command.description?.length ?? 0).toBeLessThanOrEqual(128);
      }
    }
  });

  it('is English in the manifest and Danish, every command, in the Danish localization: the same commands, no list mixed', () => {
    const danish = localizationFiles.find((file) => file.languageTag === 'da-dk')!.json as Record<string, string>;
    const keys = new Set<string>();
    for (const [i, list] of lists.entries()) {
      for (const [j, command] of list.commands.entries()) {
        const key = `bots[0].commandLists[${i}].commands[${j}]`;
        keys.add(`${key}.title`).add(`${key}.description`);
        const [english, translated] = [parseCommand(command.title), parseCommand(danish[`${key}.title`] ?? '')];
        expect(english, command.title).toMatchObject({ kind: 'known', language: 'en', args: '' });
        expect(translated, `${key}.title`).toMatchObject({ kind: 'known', language: 'da', args: '' });
        expect(translated.kind === 'known' && english.kind === 'known' && translated.name === english.name, `${command.title} → ${danish[`${key}.title`]}`).toBe(true);
        expect(otherLanguage(command.description ?? '', 'en'), command.description).toEqual([]);
        expect(danish[`${key}.description`], `${key}.description`).toBeTruthy();
        expect(otherLanguage(danish[`${key}.description`]!, 'da'), danish[`${key}.description`]).toEqual([]);
        expect(danish[`${key}.description`]!.length).toBeLessThanOrEqual(128);
      }
    }
    // Nothing translated that the manifest does not have.
    expect(
      Object.keys(danish)
        .filter((key) => key.startsWith('bots['))
        .sort(),
    ).toEqual([...keys].sort());
    // The names and descriptions too: English in the manifest, Danish in the localization.
    for (const text of [manifest.name.full!, manifest.description.short, manifest.description.full]) expect(otherLanguage(text, 'en'), text).toEqual([]);
    for (const key of ['name.full', 'description.short', 'description.full']) expect(otherLanguage(danish[key]!, 'da'), key).toEqual([]);
  });

  it("lists only commands the core's parser understands", () => {
    const titles = lists.flatMap((list) => list.commands.map((command) => command.title));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) {
      expect(parseCommand(title), title).toMatchObject({ kind: 'known', args: '' });
      // As typed in a channel after the mention (Teams strips the <at> tag, not the space).
      expect(parseCommand(` ${title} `).kind, title).toBe('known');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Icons.

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** RGBA, 4 bytes per pixel (colour type 6, 8 bits). */
  pixels: Buffer;
}

function decodePng(bytes: Buffer): Png {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  const chunks: { type: string; data: Buffer }[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length), `CRC of ${type}`).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
    chunks.push({ type, data });
    offset += 12 + length;
  }
  expect(chunks[0]?.type).toBe('IHDR');
  expect(chunks.at(-1)?.type).toBe('IEND');
  const header = chunks[0]!.data;
  const png = {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8]!,
    colorType: header[9]!,
    interlace: header[12]!,
  };
  expect(png.bitDepth).toBe(8);
  expect(png.colorType).toBe(6);
  expect(png.interlace).toBe(0);

  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  const bpp = 4;
  const stride = png.width * bpp;
  expect(raw.length).toBe(png.height * (stride + 1));
  const pixels = Buffer.alloc(png.height * stride);
  for (let y = 0; y < png.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? pixels[y * stride + i - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`unknown PNG filter ${filter} in row ${y}`);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { ...png, pixels };
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lederrum-teams-'));
  temporary.push(dir);
  return dir;
}

describe('Teams icons', () => {
  let color: Png;
  let outline: Png;
  beforeAll(() => {
    color = decodePng(readFileSync(join(TEAMS, manifest.icons.color)));
    outline = decodePng(readFileSync(join(TEAMS, manifest.icons.outline)));
  });

  it('are named color.png and outline.png', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('color.png is 192x192 and opaque, in more than one colour', () => {
    expect([color.width, color.height]).toEqual([192, 192]);
    const colours = new Set<string>();
    let translucent = 0;
    for (let i = 0; i < color.pixels.length; i += 4) {
      if (color.pixels[i + 3] !== 255) translucent++;
      colours.add(color.pixels.subarray(i, i + 3).toString('hex'));
    }
    expect(translucent).toBe(0);
    expect(colours.size).toBeGreaterThan(1);
    // The background is the accent colour.
    expect(`#${color.pixels.subarray(0, 3).toString('hex')}`).toBe(manifest.accentColor.toLowerCase());
  });

  it('outline.png is 32x32, only white with alpha, with a transparent background and a visible mark', () => {
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const notWhite: string[] = [];
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const rgb = outline.pixels.subarray(i, i + 3).toString('hex');
      if (rgb !== 'ffffff') notWhite.push(`pixel ${i / 4}: #${rgb}`);
      if (outline.pixels[i + 3] === 255) opaque++;
    }
    expect(notWhite).toEqual([]);
    expect(outline.pixels[3]).toBe(0);
    expect(opaque).toBeGreaterThan(32);
  });

  it('are what scripts/teams-icons.mjs draws', () => {
    const out = tempDir();
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'teams-icons.mjs'), '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(decodePng(readFileSync(join(out, 'color.png'))).pixels.equals(color.pixels)).toBe(true);
    expect(decodePng(readFileSync(join(out, 'outline.png'))).pixels.equals(outline.pixels)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The package script.

/** `publicUrl: null` runs it without PUBLIC_URL. */
function packageScript(args: string[], appId: string | undefined, publicUrl: string | null = SAMPLE_URL) {
  const env = { ...process.env };
  delete env.MICROSOFT_APP_ID;
  delete env.PUBLIC_URL;
  if (appId !== undefined) env.MICROSOFT_APP_ID = appId;
  if (publicUrl !== null) env.PUBLIC_URL = publicUrl;
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'teams-package.mjs'), ...args], { encoding: 'utf8', env, cwd: ROOT });
}

describe('npm run teams:package', () => {
  it('is the script package.json runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['teams:package']).toBe('node scripts/teams-package.mjs');
  });

  it('zips manifest.json, the icons and da.json at the root, with MICROSOFT_APP_ID and PUBLIC_URL filled in', () => {
    const out = tempDir();
    const run = packageScript(['--out', out], SAMPLE_ID);
    expect(run.status, run.stderr).toBe(0);
    const zipPath = join(out, 'lederrum-teams.zip');
    expect(run.stdout).toContain(zipPath);

    const files = unzipSync(readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'da.json', 'manifest.json', 'outline.png']);
    const text = (name: string) => new TextDecoder().decode(files[name]);

    const packaged = JSON.parse(text('manifest.json')) as Manifest;
    expect(text('manifest.json')).not.toContain('{{');
    expect(text('da.json')).not.toContain('{{');
    expect(packaged.id).toBe(SAMPLE_ID);
    expect(packaged.bots[0]?.botId).toBe(SAMPLE_ID);
    expect(packaged).toEqual(manifest);
    expect(validateManifest(packaged)).toEqual([]);
    expect(validateLocalization(JSON.parse(text('da.json')))).toEqual([]);
    expect(Buffer.from(files['color.png']!).equals(readFileSync(join(TEAMS, 'color.png')))).toBe(true);
    expect(Buffer.from(files['outline.png']!).equals(readFileSync(join(TEAMS, 'outline.png')))).toBe(true);
  });

  it('without MICROSOFT_APP_ID, exits 1 and says to set it', () => {
    const out = tempDir();
    const run = packageScript(['--out', out], undefined);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MICROSOFT_APP_ID is not set/);
    expect(run.stderr).toMatch(/MICROSOFT_APP_ID=[0-9a-f-]{36} PUBLIC_URL=https:\/\/\S+ npm run teams:package/);
    expect(existsSync(join(out, 'lederrum-teams.zip'))).toBe(false);
  });

  it('without PUBLIC_URL, or with one that is not https, exits 1 and says what to set', () => {
    const missing = packageScript(['--out', tempDir()], SAMPLE_ID, null);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/PUBLIC_URL is not set/);
    const plain = packageScript(['--out', tempDir()], SAMPLE_ID, 'http://lederrum.example.org');
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/PUBLIC_URL must be an https address/);
  });

  it('takes PUBLIC_URL with a trailing slash as the same address', () => {
    const out = tempDir();
    expect(packageScript(['--out', out], SAMPLE_ID, `${SAMPLE_URL}/`).status).toBe(0);
    const packaged = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(join(out, 'lederrum-teams.zip')))['manifest.json'])) as Manifest;
    expect(packaged.developer.privacyUrl).toBe(`${SAMPLE_URL}/privacy`);
  });

  it('refuses a MICROSOFT_APP_ID that is not a GUID', () => {
    const run = packageScript(['--out', tempDir()], 'my-bot');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/MICROSOFT_APP_ID must be a GUID/);
  });

  it('with --allow-placeholder and no MICROSOFT_APP_ID, packages an all-zero id', () => {
    const out = tempDir();
    const run = packageScript(['--out', out, '--allow-placeholder'], undefined, null);
    expect(run.status, run.stderr).toBe(0);
    const packaged = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(join(out, 'lederrum-teams.zip')))['manifest.json'])) as Manifest;
    expect(packaged.id).toBe('00000000-0000-0000-0000-000000000000');
    expect(packaged.developer.privacyUrl).toBe('https://lederrum.invalid/privacy');
    expect(validateManifest(packaged)).toEqual([]);
  });
});
