// loadConfig reads the environment once: sensible defaults for a first `npm start`, and a
// refusal that names each bad variable, what was given, and a valid example.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/app/config.ts';

/** The ConfigError loadConfig throws for this environment (fails the test if it does not throw). */
function refusal(env: Record<string, string | undefined>): ConfigError {
  let caught: unknown = null;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return caught as ConfigError;
}

describe('loadConfig defaults', () => {
  it('starts on port 3978 with PGlite in ./data, Danish, Copenhagen time and the playground on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.defaultLanguage).toBe('da');
    expect(config.defaultTimeZone).toBe('Europe/Copenhagen');
    expect(config.playground).toEqual({ enabled: true, demoMembers: true });
    expect(config.logLevel).toBe('info');
  });

  it('ignores variables it does not know (a real process.env is full of them)', () => {
    const config = loadConfig({ PATH: '/usr/bin', HOME: '/root', PORT: '4000' });
    expect(config.port).toBe(4000);
  });

  it('turns the playground off when Slack or Teams credentials are set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }).playground.enabled).toBe(false);
    expect(loadConfig({ MICROSOFT_APP_ID: 'app-1' }).playground.enabled).toBe(false);
  });

  it('keeps the playground on next to a platform when PLAYGROUND=on', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', PLAYGROUND: 'on' }).playground.enabled).toBe(true);
    expect(loadConfig({ MICROSOFT_APP_ID: 'app-1', PLAYGROUND: 'on' }).playground.enabled).toBe(true);
  });

  it('turns the playground and its demo members off on request', () => {
    const config = loadConfig({ PLAYGROUND: 'off', PLAYGROUND_DEMO_MEMBERS: 'off' });
    expect(config.playground).toEqual({ enabled: false, demoMembers: false });
  });
});

describe('loadConfig choices', () => {
  it('selects PostgreSQL when DATABASE_URL is a postgresql:// URL', () => {
    const url = 'postgresql://lederrum:secret@db.example:5432/lederrum';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ kind: 'postgresql', url });
  });

  it('accepts the short postgres:// scheme too', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).database.kind).toBe('postgresql');
  });

  it('uses DATA_DIR for the embedded database', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/lederrum' }).database).toEqual({ kind: 'pglite', dataDir: '/var/lib/lederrum' });
  });

  it('reads the other variables', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DEFAULT_LANGUAGE: 'en', DEFAULT_TIME_ZONE: 'America/New_York', LOG_LEVEL: 'silent' });
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', defaultLanguage: 'en', defaultTimeZone: 'America/New_York', logLevel: 'silent' });
  });

  it('counts empty strings as unset, as .env files write them', () => {
    const config = loadConfig({
      PORT: '',
      HOST: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      DEFAULT_LANGUAGE: '',
      DEFAULT_TIME_ZONE: '',
      PLAYGROUND: '',
      LOG_LEVEL: '',
      SLACK_BOT_TOKEN: '',
      MICROSOFT_APP_ID: '',
    });
    expect(config).toEqual(loadConfig({}));
  });
});

describe('loadConfig refusals', () => {
  const cases: Array<{ name: string; value: string; example: string }> = [
    { name: 'PORT', value: 'abc', example: 'Example: PORT=3978' },
    { name: 'PORT', value: '70000', example: 'Example: PORT=3978' },
    { name: 'DATABASE_URL', value: 'mysql://x', example: 'Example: DATABASE_URL=postgresql://' },
    { name: 'DEFAULT_TIME_ZONE', value: 'Mars/Base', example: 'Example: DEFAULT_TIME_ZONE=Europe/Copenhagen' },
    { name: 'DEFAULT_LANGUAGE', value: 'de', example: 'Example: DEFAULT_LANGUAGE=da' },
  ];

  for (const { name, value, example } of cases) {
    it(`${name}=${value} names the variable, what was given and an example`, () => {
      const error = refusal({ [name]: value });
      expect(error.problems).toHaveLength(1);
      const [problem] = error.problems;
      expect(problem).toContain(name);
      expect(problem).toContain(`"${value}"`);
      expect(problem).toContain(example);
      expect(error.message).toContain(problem);
      expect(error.message).toMatch(/cannot start/);
    });
  }

  it('lists every problem at once, not only the first', () => {
    const error = refusal({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEFAULT_TIME_ZONE: 'Mars/Base', DEFAULT_LANGUAGE: 'de' });
    expect(error.problems).toHaveLength(4);
    for (const name of ['PORT', 'DATABASE_URL', 'DEFAULT_TIME_ZONE', 'DEFAULT_LANGUAGE']) {
      expect(error.message).toContain(`Example: ${name}=`);
    }
    expect(error.message).toContain('"abc"');
    expect(error.message).toContain('"mysql://x"');
    expect(error.message).toContain('"Mars/Base"');
    expect(error.message).toContain('"de"');
    // One problem per line, so a person can read them down the terminal.
    expect(error.message.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(4);
  });

  it('refuses a PLAYGROUND value that is neither on nor off', () => {
    const error = refusal({ PLAYGROUND: 'maybe' });
    expect(error.message).toContain('PLAYGROUND');
    expect(error.message).toContain('Example: PLAYGROUND=on');
  });
});
