// Configuration, parsed once at start-up with zod (ARCHITECTURE rule 4). A missing or malformed
// variable stops start-up with a message naming the variable and a valid example.
import { z } from 'zod';
import { redact } from '../store/database.ts';
import { RETENTION_DEFAULTS } from '../core/people/retention.ts';
import { isLoopbackName } from '../../adapters/playground/verify.ts';
import type { SlackConfig } from '../../adapters/slack/config.ts';
import type { TeamsConfig } from '../../adapters/teams/config.ts';

export type { SlackConfig, TeamsConfig };

const EXAMPLES: Record<string, string> = {
  PORT: 'PORT=3978',
  HOST: 'HOST=0.0.0.0',
  DATABASE_URL: 'DATABASE_URL=postgresql://lederrum:secret@localhost:5432/lederrum',
  DATA_DIR: 'DATA_DIR=./data',
  DEFAULT_LANGUAGE: 'DEFAULT_LANGUAGE=da',
  DEFAULT_TIME_ZONE: 'DEFAULT_TIME_ZONE=Europe/Copenhagen',
  PLAYGROUND: 'PLAYGROUND=on',
  PLAYGROUND_DEMO_MEMBERS: 'PLAYGROUND_DEMO_MEMBERS=on',
  PLAYGROUND_EXPOSE_TO_NETWORK: 'PLAYGROUND_EXPOSE_TO_NETWORK=on (anyone who reaches the playground can act as anyone)',
  LOG_LEVEL: 'LOG_LEVEL=info',
  SLACK_BOT_TOKEN: 'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef',
  SLACK_SIGNING_SECRET: 'SLACK_SIGNING_SECRET=8f742231b10e8888abcd99yyyzzz85a5 (Basic Information → Signing Secret)',
  SLACK_APP_TOKEN: 'SLACK_APP_TOKEN=xapp-1-A0001-1234-abcdef (an app-level token with connections:write)',
  SLACK_CLIENT_ID: 'SLACK_CLIENT_ID=1234567890.1234567890',
  SLACK_CLIENT_SECRET: 'SLACK_CLIENT_SECRET=0123456789abcdef0123456789abcdef',
  SLACK_STATE_SECRET: 'SLACK_STATE_SECRET=a-long-random-string',
  SLACK_API_URL: 'SLACK_API_URL=https://slack.com/api/',
  SLACK_PACE_MS: 'SLACK_PACE_MS=1100',
  MICROSOFT_APP_ID: 'MICROSOFT_APP_ID=00000000-0000-0000-0000-000000000000 (Azure Bot → Configuration)',
  MICROSOFT_APP_PASSWORD: 'MICROSOFT_APP_PASSWORD=… (a client secret of the app registration)',
  MICROSOFT_APP_TENANT_ID: 'MICROSOFT_APP_TENANT_ID=00000000-0000-0000-0000-000000000000',
  MICROSOFT_APP_TYPE: 'MICROSOFT_APP_TYPE=MultiTenant',
  TEAMS: 'TEAMS=on',
  SCHEDULER: 'SCHEDULER=on',
  SCHEDULER_TICK_SECONDS: 'SCHEDULER_TICK_SECONDS=5',
  SCHEDULER_GRACE_MINUTES: 'SCHEDULER_GRACE_MINUTES=120',
  OUTBOX_WORKER: 'OUTBOX_WORKER=on',
  ADMINS: 'ADMINS=teams:29:1a2b3c,slack:T0001:U0001 (platform:id of people who may grant the HR role)',
  PUBLIC_URL: 'PUBLIC_URL=https://lederrum.example.org',
  LINK_SECRET: 'LINK_SECRET=a-long-random-string (the same on every replica)',
  RETENTION_DAYS: 'RETENTION_DAYS=365 (days round answers, takeaways and finished agreements are kept; 1-3650)',
  UNINSTALL_GRACE_DAYS: "UNINSTALL_GRACE_DAYS=30 (days a workspace's data waits after an uninstall; 0-365)",
};

const SECRETS = new Set(['LINK_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'MICROSOFT_APP_PASSWORD']);

const onOff = z.enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be on or off' }).transform((value) => value === 'on' || value === 'true' || value === '1');

const knownTimeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone name' },
);

/** A whole number of days within a range, with the range in the error. */
function days(min: number, max: number) {
  const range = { error: `must be between ${min} and ${max} days` };
  return z.coerce.number({ error: 'must be a number of days' }).int({ error: 'must be a whole number of days' }).min(min, range).max(max, range);
}

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be between 0 and 65535' })
    .max(65535, { error: 'must be between 0 and 65535' })
    .default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgresql:// URL' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEFAULT_LANGUAGE: z.enum(['da', 'en'], { error: 'must be da or en' }).default('da'),
  DEFAULT_TIME_ZONE: knownTimeZone.default('Europe/Copenhagen'),
  /** The local web chat. On by default when no Slack or Teams credentials are set. */
  PLAYGROUND: onOff.optional(),
  PLAYGROUND_DEMO_MEMBERS: onOff.default(true),
  /** The playground has no accounts: on a non-loopback HOST it starts only when this says so. */
  PLAYGROUND_EXPOSE_TO_NETWORK: onOff.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be debug, info, warn, error or silent' }).default('info'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, { error: 'must be the app’s signing secret' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }).optional(),
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  SLACK_STATE_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://slack.com/api/'),
  /** Least time between two posts to one Slack channel (Slack allows about one a second). */
  SLACK_PACE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(60_000).default(1100),
  MICROSOFT_APP_ID: z.uuid({ error: 'must be the bot’s Microsoft App ID (a GUID)' }).optional(),
  MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
  MICROSOFT_APP_TENANT_ID: z.string().min(1).optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant'], { error: 'must be MultiTenant or SingleTenant' }).default('MultiTenant'),
  /** The Teams endpoint without credentials, for local development against a tool such as the Bot Framework Emulator. */
  TEAMS: onOff.optional(),
  /** Scheduled check-ins and nudges. Every replica may run it: the database hands out each occurrence once. */
  SCHEDULER: onOff.default(true),
  SCHEDULER_TICK_SECONDS: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(59).default(5),
  /** After downtime, an occurrence missed by less than this is still delivered, once; older ones are skipped and logged. */
  SCHEDULER_GRACE_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(120),
  /** Delivers the outbox's private messages from this replica. Every replica may: each message is claimed once. */
  OUTBOX_WORKER: onOff.default(true),
  /** Workspace admins by platform id, for platforms that do not say who is one (Teams). */
  ADMINS: z
    .string()
    .regex(/^\s*(?:(?:playground|slack|teams):[^,\s]+\s*(?:,\s*|$))*$/, { error: 'must be a comma-separated list of platform:id' })
    .optional(),
  /** The address people reach Lederrum on, for download links (a poll's CSV). */
  PUBLIC_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** Signs download links; without it each process makes its own, and links work only where they were made. */
  LINK_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  /** Round answers and takeaways go this many days after their check-in closed; finished agreements this many days after their last change. */
  RETENTION_DAYS: days(1, 3650).default(RETENTION_DEFAULTS.days),
  /** After an uninstall, a workspace's data is deleted this many days later, unless Lederrum is installed again first (0: at the next tick). */
  UNINSTALL_GRACE_DAYS: days(0, 365).default(RETENTION_DEFAULTS.uninstallGraceDays),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  defaultLanguage: 'da' | 'en';
  defaultTimeZone: string;
  /** exposedToNetwork: enabled on a HOST other machines can reach, as PLAYGROUND_EXPOSE_TO_NETWORK allowed. */
  playground: { enabled: boolean; demoMembers: boolean; exposedToNetwork: boolean };
  logLevel: Env['LOG_LEVEL'];
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  scheduler: { enabled: boolean; tickSeconds: number; graceMinutes: number };
  /** Whether this replica runs an outbox worker. */
  outboxWorker: boolean;
  /** "platform:externalId" of workspace admins named in ADMINS. */
  admins: ReadonlySet<string>;
  publicUrl: string | null;
  linkSecret: string | null;
  /** Retention (days) and the wait between an uninstall and the deletion of that workspace's data (days). */
  retention: { days: number; uninstallGraceDays: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lederrum cannot start: the configuration is not valid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once. Empty strings count as unset, as most .env tools write them. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const value = present[name];
      // Secrets are never echoed, not even a wrong one: start-up output ends up in logs.
      const got = value === undefined ? 'it is missing' : SECRETS.has(name) ? `got a value of ${value.length} characters, not shown` : `got "${name === 'DATABASE_URL' ? redact(value) : value}"`;
      return `${name} ${issue.message} (${got}). Example: ${EXAMPLES[name] ?? `${name}=…`}`;
    });
    throw new ConfigError(problems);
  }
  const vars = parsed.data;
  const slack = slackConfig(vars);
  const teams = teamsConfig(vars);
  const hasPlatform = Boolean(slack || teams);
  const playground = vars.PLAYGROUND ?? !hasPlatform;
  const exposedToNetwork = playground && !isLoopbackName(vars.HOST);
  if (exposedToNetwork && !vars.PLAYGROUND_EXPOSE_TO_NETWORK) throw new ConfigError([exposureRefusal(vars.HOST)]);
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL ? { kind: 'postgresql', url: vars.DATABASE_URL } : { kind: 'pglite', dataDir: vars.DATA_DIR },
    defaultLanguage: vars.DEFAULT_LANGUAGE,
    defaultTimeZone: vars.DEFAULT_TIME_ZONE,
    playground: { enabled: playground, demoMembers: vars.PLAYGROUND_DEMO_MEMBERS, exposedToNetwork },
    logLevel: vars.LOG_LEVEL,
    slack,
    teams,
    scheduler: { enabled: vars.SCHEDULER, tickSeconds: vars.SCHEDULER_TICK_SECONDS, graceMinutes: vars.SCHEDULER_GRACE_MINUTES },
    outboxWorker: vars.OUTBOX_WORKER,
    admins: new Set(
      (vars.ADMINS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
    publicUrl: vars.PUBLIC_URL ?? null,
    linkSecret: vars.LINK_SECRET ?? null,
    retention: { days: vars.RETENTION_DAYS, uninstallGraceDays: vars.UNINSTALL_GRACE_DAYS },
  };
}

// The playground lets whoever opens it act as any member; on the network that is everyone nearby.
function exposureRefusal(host: string): string {
  return [
    `HOST=${host} would serve the playground to the network, and the playground has no accounts: anyone who reaches it can act as anyone.`,
    'Listen on this machine only (Example: HOST=127.0.0.1), turn the playground off (PLAYGROUND=off),',
    `or allow it knowingly. Example: ${EXAMPLES['PLAYGROUND_EXPOSE_TO_NETWORK']}`,
  ].join(' ');
}

function teamsConfig(vars: Env): TeamsConfig | null {
  if (!vars.MICROSOFT_APP_ID) return vars.TEAMS ? { appId: null, appPassword: null, appType: vars.MICROSOFT_APP_TYPE, tenantId: null } : null;
  const problems: string[] = [];
  if (!vars.MICROSOFT_APP_PASSWORD) problems.push(`MICROSOFT_APP_PASSWORD is missing: the bot needs its client secret to answer Teams. Example: ${EXAMPLES['MICROSOFT_APP_PASSWORD']}`);
  if (vars.MICROSOFT_APP_TYPE === 'SingleTenant' && !vars.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID is missing: a SingleTenant bot needs its tenant. Example: ${EXAMPLES['MICROSOFT_APP_TENANT_ID']}`);
  }
  if (vars.TEAMS === false) return null;
  if (problems.length > 0) throw new ConfigError(problems);
  return { appId: vars.MICROSOFT_APP_ID, appPassword: vars.MICROSOFT_APP_PASSWORD ?? null, appType: vars.MICROSOFT_APP_TYPE, tenantId: vars.MICROSOFT_APP_TENANT_ID ?? null };
}

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Which way Slack runs follows from which variables are set; a half-set combination is named. */
function slackConfig(vars: Env): SlackConfig | null {
  const oauthSet = OAUTH_VARS.filter((name) => vars[name] !== undefined);
  if (!vars.SLACK_BOT_TOKEN && oauthSet.length === 0) {
    if (vars.SLACK_APP_TOKEN || vars.SLACK_SIGNING_SECRET) {
      throw new ConfigError([
        `SLACK_BOT_TOKEN is missing: Slack needs a bot token, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs in many workspaces. Example: ${EXAMPLES['SLACK_BOT_TOKEN']}`,
      ]);
    }
    return null;
  }
  const problems: string[] = [];
  if (vars.SLACK_BOT_TOKEN && oauthSet.length > 0) {
    problems.push(`SLACK_BOT_TOKEN and ${oauthSet.join(', ')} are both set: use a bot token for one workspace, or the OAuth variables for many, not both.`);
  }
  if (!vars.SLACK_BOT_TOKEN) {
    for (const name of OAUTH_VARS.filter((n) => vars[n] === undefined)) problems.push(`${name} is missing for installs in many workspaces. Example: ${EXAMPLES[name]}`);
    if (vars.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: Socket Mode is for one workspace; installs in many workspaces run over HTTP. Unset SLACK_APP_TOKEN.');
  }
  if (!vars.SLACK_APP_TOKEN && !vars.SLACK_SIGNING_SECRET) {
    problems.push(`SLACK_SIGNING_SECRET is missing: requests on /slack/events are verified with it (or set SLACK_APP_TOKEN for Socket Mode). Example: ${EXAMPLES['SLACK_SIGNING_SECRET']}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const common = {
    apiUrl: vars.SLACK_API_URL,
    paceMs: vars.SLACK_PACE_MS,
    appToken: vars.SLACK_APP_TOKEN ?? null,
    signingSecret: vars.SLACK_SIGNING_SECRET ?? null,
  };
  return vars.SLACK_BOT_TOKEN
    ? { ...common, mode: 'single', botToken: vars.SLACK_BOT_TOKEN }
    : { ...common, mode: 'oauth', clientId: vars.SLACK_CLIENT_ID!, clientSecret: vars.SLACK_CLIENT_SECRET!, stateSecret: vars.SLACK_STATE_SECRET! };
}
