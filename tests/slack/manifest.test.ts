// manifests/slack/manifest.yaml, checked two ways:
//
// 1. Against Slack's manifest format. The zod schema below is written from
//    - the manifest reference, https://api.slack.com/reference/manifests (docs.slack.dev);
//    - Slack's published JSON schema, github.com/slackapi/manifest-schema,
//      schemas/manifest.schema.1.0.0.json (field names, required keys, lengths, patterns,
//      item limits; not copied, re-expressed here for the keys a bot app like this one uses);
//    - the `Manifest` type of @slack/web-api (installed with @slack/bolt): the parsed result
//      must be assignable to it (checked by tsc), and scope and event names must be in the
//      SDK's own `BotScope` and `ManifestEvent` lists, read from its manifest.d.ts at run time.
//    Keys the schema does not know are refused, so a misspelt key cannot slip through.
// 2. Against what the app does: the events it listens to, the Web API methods it calls and the
//    URLs its HTTP receiver serves. Change those lists when the Slack adapter changes.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { HANDLED_EVENTS } from '../../adapters/slack/events.ts';
import { BOT_SCOPES } from '../../adapters/slack/mount.ts';
import { z } from 'zod';

type Manifest = webApi.AppsManifestCreateArguments['manifest'];
type BotScope = NonNullable<NonNullable<NonNullable<Manifest['oauth_config']>['scopes']>['bot']>[number];
type BotEvent = NonNullable<NonNullable<NonNullable<Manifest['settings']>['event_subscriptions']>['bot_events']>[number];

const MANIFEST_PATH = new URL('../../manifests/slack/manifest.yaml', import.meta.url);
const text = readFileSync(MANIFEST_PATH, 'utf8');
const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });

// ---------------------------------------------------------------------------------------------
// The SDK's lists of bot scopes and event types (string-literal unions in its manifest.d.ts).

function sdkUnion(typeName: string): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const webApiEntry = createRequire(require.resolve('@slack/bolt')).resolve('@slack/web-api');
  const dts = readFileSync(join(dirname(webApiEntry), 'types', 'request', 'manifest.d.ts'), 'utf8');
  const body = new RegExp(`\\btype ${typeName} = ([^;]+);`).exec(dts)?.[1];
  if (body === undefined) throw new Error(`@slack/web-api manifest.d.ts has no type ${typeName}`);
  return new Set([...body.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? ''));
}

const SDK_BOT_SCOPES = sdkUnion('BotScope');
const SDK_EVENTS = sdkUnion('ManifestEvent');

// ---------------------------------------------------------------------------------------------
// The manifest format (version 1).

const SCOPE_NAME = /^[a-z_]+(:[a-z_.]+)*$/;
const EVENT_NAME = /^[a-z_]+(\.[a-z_]+)?$/;
const HEX_COLOR = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;
const BOT_DISPLAY_NAME = /^[a-z0-9._-]+$/;

const httpsUrl = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^https:\/\/[^/\s]+\/\S*$/, 'must be a full https:// URL');

const unique = (items: readonly unknown[]) => new Set(items).size === items.length;

const botScope = z.custom<BotScope>((value) => typeof value === 'string' && value.length <= 50 && SCOPE_NAME.test(value) && SDK_BOT_SCOPES.has(value), 'not a Slack bot scope');

const botEvent = z.custom<BotEvent>((value) => typeof value === 'string' && value.length <= 50 && EVENT_NAME.test(value) && SDK_EVENTS.has(value), 'not a Slack event type');

const ManifestSchema = z.strictObject({
  _metadata: z
    .strictObject({
      major_version: z.literal(1),
      minor_version: z.number().int().nonnegative().optional(),
    })
    .optional(),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z.string().regex(HEX_COLOR).optional(),
  }),
  features: z
    .strictObject({
      app_home: z
        .strictObject({
          home_tab_enabled: z.boolean().optional(),
          messages_tab_enabled: z.boolean().optional(),
          messages_tab_read_only_enabled: z.boolean().optional(),
        })
        .optional(),
      bot_user: z
        .strictObject({
          display_name: z.string().min(1).max(80).regex(BOT_DISPLAY_NAME),
          always_online: z.boolean().optional(),
        })
        .optional(),
      shortcuts: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(24),
            type: z.enum(['global', 'message']),
            callback_id: z.string().min(1).max(255),
            description: z.string().min(1).max(150),
          }),
        )
        .min(1)
        .max(10)
        .optional(),
      slash_commands: z
        .array(
          z.strictObject({
            command: z
              .string()
              .min(2)
              .max(32)
              .regex(/^\/\S+$/),
            url: httpsUrl(3000).optional(),
            description: z.string().min(1).max(2000),
            usage_hint: z.string().min(1).max(1000).optional(),
            should_escape: z.boolean().optional(),
          }),
        )
        .min(1)
        .max(50)
        .optional(),
    })
    .optional(),
  oauth_config: z
    .strictObject({
      redirect_urls: z.array(httpsUrl(2500)).max(1000).refine(unique, 'duplicate redirect URL').optional(),
      scopes: z
        .strictObject({
          bot: z.array(botScope).max(255).refine(unique, 'duplicate scope').optional(),
        })
        .optional(),
      token_management_enabled: z.boolean().optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      event_subscriptions: z
        .strictObject({
          request_url: httpsUrl(3500).optional(),
          bot_events: z.array(botEvent).max(100).refine(unique, 'duplicate event').optional(),
        })
        .optional(),
      interactivity: z
        .strictObject({
          is_enabled: z.boolean(),
          request_url: httpsUrl(3500).optional(),
          message_menu_options_url: httpsUrl(3500).optional(),
        })
        .optional(),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean().optional(),
      token_rotation_enabled: z.boolean().optional(),
    })
    .optional(),
});

type ParsedManifest = z.output<typeof ManifestSchema>;

// Compile-time check: whatever the schema accepts is a manifest as @slack/web-api types it.
function asSdkManifest(manifest: ParsedManifest): Manifest {
  return manifest;
}

// ---------------------------------------------------------------------------------------------
// What the app does.

// Listener name in the Slack adapter → the event subscription that delivers it.
const LISTENED_EVENTS: Record<string, BotEvent> = {
  app_home_opened: 'app_home_opened',
  app_mention: 'app_mention',
  member_joined_channel: 'member_joined_channel',
  member_left_channel: 'member_left_channel',
  message: 'message.im', // only direct messages to the bot
  app_uninstalled: 'app_uninstalled',
  tokens_revoked: 'tokens_revoked',
  channel_left: 'channel_left',
  group_left: 'group_left',
};

// Scopes each subscription needs (Slack's event reference).
const EVENT_SCOPES: Partial<Record<BotEvent, BotScope[]>> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  member_joined_channel: ['channels:read', 'groups:read'],
  member_left_channel: ['channels:read', 'groups:read'],
  'message.im': ['im:history'],
  app_uninstalled: [],
  tokens_revoked: [],
  channel_left: ['channels:read'],
  group_left: ['groups:read'],
};

// Web API methods the app calls → the bot scopes they need (Slack's method reference).
const METHOD_SCOPES: Record<string, BotScope[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'views.open': [],
  'views.update': [],
  'views.publish': [],
  'conversations.members': ['channels:read', 'groups:read'],
  // The channel a command comes from: a private channel's name, and whether it is a group DM.
  'conversations.info': ['channels:read', 'groups:read', 'mpim:read'],
  'users.info': ['users:read'],
  // files.uploadV2: "my data" as two files in the person's DM.
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
};

const SLASH_COMMAND = '/lederrum';
const SLASH_COMMAND_SCOPES: BotScope[] = ['commands'];
const EVENTS_PATH = '/slack/events';
const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';
const PLACEHOLDER_ORIGIN = 'https://YOUR-HOST'; // README: replace YOUR-HOST before pasting

// Scopes Lederrum must not ask for: it posts only where it is a member, never reads channel
// history and never needs e-mail addresses or workspace details.
const UNWANTED_SCOPES: BotScope[] = ['chat:write.public', 'channels:history', 'groups:history', 'users:read.email', 'team:read'];

// ---------------------------------------------------------------------------------------------

function parsedManifest(): ParsedManifest {
  return ManifestSchema.parse(doc.toJS());
}

/** The manifest with one value replaced (or removed when value is undefined). */
function mutated(path: readonly (string | number)[], value?: unknown): unknown {
  const copy = doc.clone();
  if (value === undefined) copy.deleteIn(path);
  else copy.setIn(path, copy.createNode(value));
  return copy.toJS();
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

/**
 * The Web API methods the Slack adapter's code calls: `client.<method>(`, `client.paginate('<method>'`
 * and files.uploadV2's two methods. Read from the sources, so a call added or dropped without its
 * scope following it fails here.
 */
function calledMethods(): string[] {
  const dir = new URL('../../adapters/slack/', import.meta.url);
  const sources = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => readFileSync(new URL(file, dir), 'utf8'))
    .join('\n');
  const direct = [...sources.matchAll(/client\.((?:[a-z]+\.)+[a-zA-Z]+)\(/g)].map((match) => match[1] ?? '');
  const paged = [...sources.matchAll(/\.paginate\('([\w.]+)'/g)].map((match) => match[1] ?? '');
  const uploads = /\.filesUploadV2\(/.test(sources) ? ['files.getUploadURLExternal', 'files.completeUploadExternal'] : [];
  return sorted([...direct, ...paged, ...uploads]);
}

describe('Slack app manifest: format', () => {
  it('is well-formed YAML with no duplicate keys', () => {
    expect(doc.errors.map((error) => error.message)).toEqual([]);
    expect(doc.warnings.map((warning) => warning.message)).toEqual([]);
  });

  it("reads the SDK's scope and event lists", () => {
    expect(SDK_BOT_SCOPES.size).toBeGreaterThan(30);
    expect(SDK_EVENTS.size).toBeGreaterThan(30);
    expect(SDK_BOT_SCOPES.has('chat:write')).toBe(true);
    expect(SDK_EVENTS.has('message.im')).toBe(true);
  });

  it('is a valid version 1 manifest', () => {
    const result = ManifestSchema.safeParse(doc.toJS());
    expect(result.success ? '' : z.prettifyError(result.error)).toBe('');
    const manifest = asSdkManifest(parsedManifest());
    expect(manifest._metadata).toEqual({ major_version: 1, minor_version: 1 });
  });

  const long = (n: number) => 'x'.repeat(n);
  it.each<[string, readonly (string | number)[], unknown]>([
    ['an unknown top-level key', ['feature'], {}],
    ['major version 2', ['_metadata', 'major_version'], 2],
    ['no display_information', ['display_information'], undefined],
    ['a 36-character name', ['display_information', 'name'], long(36)],
    ['a 141-character description', ['display_information', 'description'], long(141)],
    ['a 174-character long description', ['display_information', 'long_description'], long(174)],
    ['a 4001-character long description', ['display_information', 'long_description'], long(4001)],
    ['a colour without #', ['display_information', 'background_color'], '2f4858'],
    ['a bot display name with capitals and a space', ['features', 'bot_user', 'display_name'], 'Lederrum Bot'],
    ['an 81-character bot display name', ['features', 'bot_user', 'display_name'], long(81)],
    ['a command without /', ['features', 'slash_commands', 0, 'command'], 'lederrum'],
    ['a 33-character command', ['features', 'slash_commands', 0, 'command'], `/${long(32)}`],
    ['a command without description', ['features', 'slash_commands', 0, 'description'], undefined],
    ['a 1001-character usage hint', ['features', 'slash_commands', 0, 'usage_hint'], long(1001)],
    ['an http command URL', ['features', 'slash_commands', 0, 'url'], 'http://YOUR-HOST/slack/events'],
    ['51 slash commands', ['features', 'slash_commands'], Array.from({ length: 51 }, (_, i) => ({ command: `/c${i}`, description: 'x' }))],
    ['a relative redirect URL', ['oauth_config', 'redirect_urls', 0], '/slack/oauth_redirect'],
    ['an unknown scope', ['oauth_config', 'scopes', 'bot', 1], 'chat:write.publik'],
    ['a scope in capitals', ['oauth_config', 'scopes', 'bot', 1], 'Chat:Write'],
    ['a repeated scope', ['oauth_config', 'scopes', 'bot', 1], 'commands'],
    ['an unknown event', ['settings', 'event_subscriptions', 'bot_events', 4], 'message.dm'],
    ['a repeated event', ['settings', 'event_subscriptions', 'bot_events', 1], 'app_home_opened'],
    ['an event request URL that is not a URL', ['settings', 'event_subscriptions', 'request_url'], 'YOUR-HOST'],
    ['interactivity without is_enabled', ['settings', 'interactivity', 'is_enabled'], undefined],
    ['a non-boolean socket_mode_enabled', ['settings', 'socket_mode_enabled'], 'yes'],
  ])('refuses %s', (_label, path, value) => {
    const result = ManifestSchema.safeParse(mutated(path, value));
    expect(result.success).toBe(false);
    // …and for that change: every issue is at the changed key or one of its parents.
    const paths = result.error?.issues.map((issue) => issue.path) ?? [];
    expect(paths.length).toBeGreaterThan(0);
    for (const issuePath of paths) expect(path.slice(0, issuePath.length)).toEqual(issuePath);
  });
});

describe('Slack app manifest: matches the app', () => {
  const manifest = parsedManifest();
  const botEvents = manifest.settings?.event_subscriptions?.bot_events ?? [];
  const botScopes = manifest.oauth_config?.scopes?.bot ?? [];

  it('subscribes to exactly the events the app listens to', () => {
    expect(sorted(botEvents)).toEqual(sorted(Object.values(LISTENED_EVENTS)));
    expect(sorted(HANDLED_EVENTS)).toEqual(sorted(Object.keys(LISTENED_EVENTS)));
  });

  it('knows the scope of exactly the Web API methods the adapter calls, and asks at install for the manifest scopes', () => {
    expect(calledMethods()).toEqual(sorted(Object.keys(METHOD_SCOPES)));
    expect(sorted(BOT_SCOPES)).toEqual(sorted(botScopes));
  });

  it('grants every scope the subscribed events, the slash command and the Web API calls need', () => {
    const needed = [
      ...SLASH_COMMAND_SCOPES,
      ...Object.values(METHOD_SCOPES).flat(),
      ...botEvents.flatMap((event) => {
        const scopes = EVENT_SCOPES[event];
        if (scopes === undefined) throw new Error(`no scope entry for subscribed event ${event}`);
        return scopes;
      }),
    ];
    const missing = sorted(needed).filter((scope) => !botScopes.includes(scope as BotScope));
    expect(missing).toEqual([]);
  });

  it('asks for no scope beyond those (minimal)', () => {
    const needed = new Set<string>([...SLASH_COMMAND_SCOPES, ...Object.values(METHOD_SCOPES).flat(), ...Object.values(LISTENED_EVENTS).flatMap((event) => EVENT_SCOPES[event] ?? [])]);
    expect(botScopes.filter((scope) => !needed.has(scope))).toEqual([]);
    expect(botScopes.filter((scope) => UNWANTED_SCOPES.includes(scope))).toEqual([]);
  });

  it('has the one slash command, /lederrum, on the events URL', () => {
    const commands = manifest.features?.slash_commands ?? [];
    expect(commands.map((command) => command.command)).toEqual([SLASH_COMMAND]);
    const [command] = commands;
    expect(command?.url?.endsWith(EVENTS_PATH)).toBe(true);
    // Escaped, so a mentioned person arrives as <@U…|name> (an account) rather than as a name.
    expect(command?.should_escape).toBe(true);
    for (const word of ['start', 'afrunding', 'afslut', 'deltagelse', 'hjælp']) {
      expect(command?.usage_hint ?? '').toContain(word);
    }
  });

  it('sends events and interactions to /slack/events and OAuth to /slack/oauth_redirect, on one host', () => {
    const eventsUrl = manifest.settings?.event_subscriptions?.request_url ?? '';
    const interactivityUrl = manifest.settings?.interactivity?.request_url ?? '';
    const commandUrl = manifest.features?.slash_commands?.[0]?.url ?? '';
    const redirectUrls = manifest.oauth_config?.redirect_urls ?? [];

    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    for (const url of [eventsUrl, interactivityUrl, commandUrl]) {
      expect(url.endsWith(EVENTS_PATH), url).toBe(true);
    }
    expect(redirectUrls).toHaveLength(1);
    expect(redirectUrls[0]?.endsWith(OAUTH_REDIRECT_PATH)).toBe(true);

    const origins = [eventsUrl, interactivityUrl, commandUrl, ...redirectUrls].map((url) => new URL(url).origin);
    expect(new Set(origins)).toEqual(new Set([new URL(PLACEHOLDER_ORIGIN).origin]));
  });

  it('has a Home tab and a writable Messages tab, and the bot user lederrum', () => {
    expect(manifest.features?.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.features?.bot_user).toEqual({ display_name: 'lederrum', always_online: true });
  });

  it('uses HTTP by default, says how to switch to Socket Mode, and keeps long-lived tokens', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
    expect(manifest.settings?.org_deploy_enabled).toBe(false);
    expect(manifest.settings?.token_rotation_enabled).toBe(false);

    const lines = text.split('\n');
    const at = lines.findIndex((line) => /^\s*socket_mode_enabled:/.test(line));
    expect(at).toBeGreaterThan(0);
    const comment: string[] = [];
    for (let i = at - 1; i >= 0 && /^\s*#/.test(lines[i] ?? ''); i -= 1) comment.unshift(lines[i] ?? '');
    expect(comment.join('\n')).toContain('SLACK_APP_TOKEN');
  });

  it('describes the method in its own words and never labels people as stressed', () => {
    const info = manifest.display_information;
    expect(info.name).toBe('Lederrum');
    const texts = [info.name, info.description ?? '', info.long_description ?? ''].join('\n');
    expect(texts).not.toMatch(/stress/i);
    expect(info.long_description).toContain('Siden sidst');
    expect(info.long_description).toContain('Hvad tager jeg med mig');
  });
});
