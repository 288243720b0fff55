// Configuration, parsed once at start-up with zod (ARCHITECTURE rule 4). A missing or malformed
// variable stops start-up with a message naming the variable and a valid example.
import { z } from 'zod';

const EXAMPLES: Record<string, string> = {
  PORT: 'PORT=3978',
  HOST: 'HOST=0.0.0.0',
  DATABASE_URL: 'DATABASE_URL=postgresql://lederrum:secret@localhost:5432/lederrum',
  DATA_DIR: 'DATA_DIR=./data',
  DEFAULT_LANGUAGE: 'DEFAULT_LANGUAGE=da',
  DEFAULT_TIME_ZONE: 'DEFAULT_TIME_ZONE=Europe/Copenhagen',
  PLAYGROUND: 'PLAYGROUND=on',
  PLAYGROUND_DEMO_MEMBERS: 'PLAYGROUND_DEMO_MEMBERS=on',
  LOG_LEVEL: 'LOG_LEVEL=info',
};

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be on or off' })
  .transform((value) => value === 'on' || value === 'true' || value === '1');

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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be debug, info, warn, error or silent' }).default('info'),
  SLACK_BOT_TOKEN: z.string().optional(),
  MICROSOFT_APP_ID: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  defaultLanguage: 'da' | 'en';
  defaultTimeZone: string;
  playground: { enabled: boolean; demoMembers: boolean };
  logLevel: Env['LOG_LEVEL'];
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
      const got = present[name] === undefined ? 'it is missing' : `got "${present[name]}"`;
      return `${name} ${issue.message} (${got}). Example: ${EXAMPLES[name] ?? `${name}=…`}`;
    });
    throw new ConfigError(problems);
  }
  const vars = parsed.data;
  const hasPlatform = Boolean(vars.SLACK_BOT_TOKEN || vars.MICROSOFT_APP_ID);
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL ? { kind: 'postgresql', url: vars.DATABASE_URL } : { kind: 'pglite', dataDir: vars.DATA_DIR },
    defaultLanguage: vars.DEFAULT_LANGUAGE,
    defaultTimeZone: vars.DEFAULT_TIME_ZONE,
    playground: { enabled: vars.PLAYGROUND ?? !hasPlatform, demoMembers: vars.PLAYGROUND_DEMO_MEMBERS },
    logLevel: vars.LOG_LEVEL,
  };
}
