// Configuration, parsed once at start-up with zod (ARCHITECTURE rule 4). A missing or malformed
// variable stops start-up with a message naming the variable and a valid example.
import { z } from 'zod';
import { redact } from '../store/database.ts';
import { RETENTION_DEFAULTS } from '../core/people/retention.ts';
import { PLATFORMS } from '../core/model/domain.ts';
import type { SettingsRead } from '../../adapters/settings.ts';
import { slackSettings, type SlackConfig } from '../../adapters/slack/config.ts';
import { teamsSettings, type TeamsConfig } from '../../adapters/teams/config.ts';
import { playgroundSettings, type PlaygroundConfig } from '../../adapters/playground/config.ts';
import { onOff } from '../../adapters/settings.ts';
import { WORK_DEFAULTS, type WorkQueueOptions } from '../../adapters/work-queue.ts';

export type { PlaygroundConfig, SlackConfig, TeamsConfig };

/** Each platform declares its own variables (adapters/<platform>/config.ts); these are Lederrum's. */
const PLATFORM_SETTINGS = [slackSettings, teamsSettings, playgroundSettings] as const;

const EXAMPLES: Record<string, string> = {
  PORT: 'PORT=3978',
  HOST: 'HOST=0.0.0.0',
  DATABASE_URL: 'DATABASE_URL=postgresql://lederrum:secret@localhost:5432/lederrum',
  DATA_DIR: 'DATA_DIR=./data',
  DEFAULT_LANGUAGE: 'DEFAULT_LANGUAGE=da',
  DEFAULT_TIME_ZONE: 'DEFAULT_TIME_ZONE=Europe/Copenhagen',
  LOG_LEVEL: 'LOG_LEVEL=info',
  SCHEDULER: 'SCHEDULER=on',
  SCHEDULER_TICK_SECONDS: 'SCHEDULER_TICK_SECONDS=5',
  SCHEDULER_GRACE_MINUTES: 'SCHEDULER_GRACE_MINUTES=120',
  OUTBOX_WORKER: 'OUTBOX_WORKER=on',
  WORK_CONCURRENCY: 'WORK_CONCURRENCY=2 (requests worked on at once after their answer; 1-256)',
  WORK_QUEUE_LIMIT: 'WORK_QUEUE_LIMIT=500 (requests taken on at most, waiting and running; beyond it people are told to try again; 1-100000)',
  ADMINS: 'ADMINS=teams:29:1a2b3c,slack:T0001:U0001 (platform:id of people who may grant the HR role)',
  PUBLIC_URL: 'PUBLIC_URL=https://lederrum.example.org',
  LINK_SECRET: 'LINK_SECRET=a-long-random-string (the same on every replica)',
  RETENTION_DAYS: 'RETENTION_DAYS=365 (days round answers, takeaways and finished agreements are kept; 1-3650)',
  UNINSTALL_GRACE_DAYS: "UNINSTALL_GRACE_DAYS=30 (days a workspace's data waits after an uninstall; 0-365)",
  METRICS_TOKEN: 'METRICS_TOKEN=a-long-random-string (then /metrics answers only Authorization: Bearer <it>)',
  SHUTDOWN_GRACE_MS: 'SHUTDOWN_GRACE_MS=20000 (how long a stopping process finishes what it took on; 0-600000)',
  ...Object.assign({}, ...PLATFORM_SETTINGS.map((settings) => settings.examples)),
};

const SECRETS = new Set<string>(['LINK_SECRET', 'METRICS_TOKEN', ...PLATFORM_SETTINGS.flatMap((settings) => settings.secrets)]);

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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be debug, info, warn, error or silent' }).default('info'),
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
  /** Requests from Slack and Teams worked on at once, after they were answered. */
  WORK_CONCURRENCY: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 256' })
    .max(256, { error: 'must be between 1 and 256' })
    .default(WORK_DEFAULTS.concurrency),
  /** Requests taken on at most (waiting and running); beyond it the person is told Lederrum is busy. */
  WORK_QUEUE_LIMIT: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be between 1 and 100000' })
    .max(100_000, { error: 'must be between 1 and 100000' })
    .default(WORK_DEFAULTS.limit),
  /** Workspace admins by platform id, for platforms that do not say who is one (Teams). */
  ADMINS: z
    .string()
    .regex(new RegExp(`^\\s*(?:(?:${PLATFORMS.join('|')}):[^,\\s]+\\s*(?:,\\s*|$))*$`), { error: 'must be a comma-separated list of platform:id' })
    .optional(),
  /** The address people reach Lederrum on, for download links (a poll's CSV). */
  PUBLIC_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** Signs download links; without it each process makes its own, and links work only where they were made. */
  LINK_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  /** Round answers and takeaways go this many days after their check-in closed; finished agreements this many days after their last change. */
  RETENTION_DAYS: days(1, 3650).default(RETENTION_DEFAULTS.days),
  /** After an uninstall, a workspace's data is deleted this many days later, unless Lederrum is installed again first (0: at the next tick). */
  UNINSTALL_GRACE_DAYS: days(0, 365).default(RETENTION_DEFAULTS.uninstallGraceDays),
  /** When set, /metrics answers only this bearer token; it shares the public port Slack and Teams post to. */
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  /** On SIGTERM: requests answered, work after the ack and messages being sent get this long before the process exits. */
  SHUTDOWN_GRACE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(600_000).default(20_000),
  ...slackSettings.variables,
  ...teamsSettings.variables,
  ...playgroundSettings.variables,
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  defaultLanguage: 'da' | 'en';
  defaultTimeZone: string;
  playground: PlaygroundConfig;
  logLevel: Env['LOG_LEVEL'];
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  scheduler: { enabled: boolean; tickSeconds: number; graceMinutes: number };
  /** Whether this replica runs an outbox worker. */
  outboxWorker: boolean;
  /** The bound on work after an ack (adapters/work-queue.ts). */
  work: WorkQueueOptions;
  /** "platform:externalId" of workspace admins named in ADMINS. */
  admins: ReadonlySet<string>;
  publicUrl: string | null;
  linkSecret: string | null;
  /** Retention (days) and the wait between an uninstall and the deletion of that workspace's data (days). */
  retention: { days: number; uninstallGraceDays: number };
  /** The bearer token /metrics asks for; null: /metrics is open. */
  metricsToken: string | null;
  /** How long stopping may take to finish what was taken on. */
  shutdownGraceMs: number;
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
  const problems: string[] = [];
  const settled = <C>(read: SettingsRead<C>): C | null => {
    if ('problems' in read) problems.push(...read.problems);
    return 'config' in read ? read.config : null;
  };
  const context = { others: false, host: vars.HOST };
  const slack = settled(slackSettings.read(vars, context));
  const teams = settled(teamsSettings.read(vars, context));
  const playground = settled(playgroundSettings.read(vars, { ...context, others: Boolean(slack || teams) }));
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL ? { kind: 'postgresql', url: vars.DATABASE_URL } : { kind: 'pglite', dataDir: vars.DATA_DIR },
    defaultLanguage: vars.DEFAULT_LANGUAGE,
    defaultTimeZone: vars.DEFAULT_TIME_ZONE,
    playground: playground ?? { enabled: false, demoMembers: false, exposedToNetwork: false },
    logLevel: vars.LOG_LEVEL,
    slack,
    teams,
    scheduler: { enabled: vars.SCHEDULER, tickSeconds: vars.SCHEDULER_TICK_SECONDS, graceMinutes: vars.SCHEDULER_GRACE_MINUTES },
    outboxWorker: vars.OUTBOX_WORKER,
    work: { concurrency: vars.WORK_CONCURRENCY, limit: vars.WORK_QUEUE_LIMIT },
    admins: new Set(
      (vars.ADMINS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
    publicUrl: vars.PUBLIC_URL ?? null,
    linkSecret: vars.LINK_SECRET ?? null,
    retention: { days: vars.RETENTION_DAYS, uninstallGraceDays: vars.UNINSTALL_GRACE_DAYS },
    metricsToken: vars.METRICS_TOKEN ?? null,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
  };
}
