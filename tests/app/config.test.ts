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
    expect(config.playground).toEqual({ enabled: true, demoMembers: true, exposedToNetwork: false });
    expect(config.logLevel).toBe('info');
  });

  it('ignores variables it does not know (a real process.env is full of them)', () => {
    const config = loadConfig({ PATH: '/usr/bin', HOME: '/root', PORT: '4000' });
    expect(config.port).toBe(4000);
  });

  it('turns the playground off when Slack or Teams credentials are set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret-1' }).playground.enabled).toBe(false);
    expect(loadConfig({ MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'secret' }).playground.enabled).toBe(false);
  });

  it('keeps the playground on next to a platform when PLAYGROUND=on', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret-1', PLAYGROUND: 'on' }).playground.enabled).toBe(true);
    expect(loadConfig({ MICROSOFT_APP_ID: '00000000-0000-4000-8000-000000000001', MICROSOFT_APP_PASSWORD: 'secret', PLAYGROUND: 'on' }).playground.enabled).toBe(true);
  });

  it('turns the playground and its demo members off on request', () => {
    const config = loadConfig({ PLAYGROUND: 'off', PLAYGROUND_DEMO_MEMBERS: 'off' });
    expect(config.playground).toEqual({ enabled: false, demoMembers: false, exposedToNetwork: false });
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
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', PLAYGROUND: 'off', DEFAULT_LANGUAGE: 'en', DEFAULT_TIME_ZONE: 'America/New_York', LOG_LEVEL: 'silent' });
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
    { name: 'ADMINS', value: 'mia', example: 'Example: ADMINS=teams:29:1a2b3c,slack:T0001:U0001' },
    { name: 'PUBLIC_URL', value: 'lederrum.example.org', example: 'Example: PUBLIC_URL=https://' },
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

  it('reads ADMINS as platform ids, and never echoes a LINK_SECRET that is too short', () => {
    expect([...loadConfig({ ADMINS: 'teams:29:abc, slack:T1:U1' }).admins]).toEqual(['teams:29:abc', 'slack:T1:U1']);
    const error = refusal({ LINK_SECRET: 'kort-hemmelig' });
    expect(error.problems[0]).toContain('LINK_SECRET');
    expect(error.message).not.toContain('kort-hemmelig');
  });

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

  it('names what is missing on every platform at once: each adapter reads its own variables', () => {
    const error = refusal({ SLACK_APP_TOKEN: 'xapp-1-A-1-x', MICROSOFT_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' });
    expect(error.problems).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is missing/), expect.stringMatching(/^MICROSOFT_APP_PASSWORD is missing/)]);
    // A secret's example is shown; a secret's value never is.
    expect(refusal({ SLACK_BOT_TOKEN: 'not-a-token' }).message).not.toContain('not-a-token');
  });

  it('refuses a PLAYGROUND value that is neither on nor off', () => {
    const error = refusal({ PLAYGROUND: 'maybe' });
    expect(error.message).toContain('PLAYGROUND');
    expect(error.message).toContain('Example: PLAYGROUND=on');
  });
});

describe('the playground and HOST', () => {
  const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1234-5678-abcdef', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5' };

  for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', 'LocalHost', '::1', '[::1]']) {
    it(`starts the playground on the loopback HOST=${host} without further ado`, () => {
      const config = loadConfig({ HOST: host });
      expect(config.host).toBe(host);
      expect(config.playground).toMatchObject({ enabled: true, exposedToNetwork: false });
    });
  }

  for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'lederrum.lan', 'localhost.example.org', '127.0.0.1.nip.io']) {
    it(`refuses HOST=${host} with the playground on, naming the variable that allows it and an example`, () => {
      const error = refusal({ HOST: host });
      expect(error.problems).toHaveLength(1);
      const [problem] = error.problems;
      expect(problem).toMatch(new RegExp(`^HOST=${host.replace(/[.]/g, '\\.')} `));
      expect(problem).toContain('anyone who reaches it can act as anyone');
      expect(problem).toContain('Example: HOST=127.0.0.1');
      expect(problem).toContain('PLAYGROUND=off');
      expect(problem).toContain('Example: PLAYGROUND_EXPOSE_TO_NETWORK=on');
      expect(error.message).toMatch(/cannot start/);
    });
  }

  it('refuses it when PLAYGROUND=on keeps the playground beside a platform, too', () => {
    expect(refusal({ ...SLACK, PLAYGROUND: 'on', HOST: '0.0.0.0' }).problems[0]).toContain('PLAYGROUND_EXPOSE_TO_NETWORK');
  });

  it('starts on a network HOST when PLAYGROUND_EXPOSE_TO_NETWORK=on says so, marked as exposed', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PLAYGROUND_EXPOSE_TO_NETWORK: 'on' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.playground).toEqual({ enabled: true, demoMembers: true, exposedToNetwork: true });
  });

  it('needs no permission on a network HOST when the playground is off', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PLAYGROUND: 'off' }).playground).toMatchObject({ enabled: false, exposedToNetwork: false });
    expect(loadConfig({ ...SLACK, HOST: '0.0.0.0' }).playground).toMatchObject({ enabled: false, exposedToNetwork: false });
  });

  it('is not exposed on the loopback even with the permission given', () => {
    expect(loadConfig({ PLAYGROUND_EXPOSE_TO_NETWORK: 'on' }).playground.exposedToNetwork).toBe(false);
  });

  it('refuses PLAYGROUND_EXPOSE_TO_NETWORK that is neither on nor off, with an example', () => {
    const error = refusal({ HOST: '0.0.0.0', PLAYGROUND_EXPOSE_TO_NETWORK: 'yes please' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^PLAYGROUND_EXPOSE_TO_NETWORK must be on or off/);
    expect(error.problems[0]).toContain('"yes please"');
    expect(error.problems[0]).toContain('Example: PLAYGROUND_EXPOSE_TO_NETWORK=on');
  });
});

describe('Slack configuration', () => {
  const BOT = 'xoxb-1234-5678-abcdef';
  const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';
  const APP = 'xapp-1-A0001-1234-abcdef';
  const OAUTH = { SLACK_CLIENT_ID: '1234567890.1234567890', SLACK_CLIENT_SECRET: '0123456789abcdef0123456789abcdef', SLACK_STATE_SECRET: 'a-long-random-string' };

  /** The single problem loadConfig names for this environment. */
  function problem(env: Record<string, string | undefined>): string {
    const error = refusal(env);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain(error.problems[0]);
    expect(error.message).toMatch(/cannot start/);
    return error.problems[0]!;
  }

  it('without any Slack variable: no Slack, and the playground on', () => {
    const config = loadConfig({});
    expect(config.slack).toBeNull();
    expect(config.playground.enabled).toBe(true);
  });

  it('a bot token and signing secret: one workspace over HTTP at slack.com, the playground off', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING });
    expect(config.slack).toEqual({ mode: 'single', botToken: BOT, signingSecret: SIGNING, appToken: null, apiUrl: 'https://slack.com/api/', paceMs: 1100 });
    expect(config.playground.enabled).toBe(false);
  });

  it('honours SLACK_API_URL and SLACK_PACE_MS', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'http://127.0.0.1:4010/api/', SLACK_PACE_MS: '0' });
    expect(config.slack).toMatchObject({ apiUrl: 'http://127.0.0.1:4010/api/', paceMs: 0 });
  });

  it('SLACK_API_URL that is not an http(s) URL is refused with an example', () => {
    const text = problem({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: 'ftp://slack.example/api/' });
    expect(text).toMatch(/^SLACK_API_URL /);
    expect(text).toContain('Example: SLACK_API_URL=https://slack.com/api/');
  });

  it('an app token and a bot token run Socket Mode without a signing secret', () => {
    const config = loadConfig({ SLACK_APP_TOKEN: APP, SLACK_BOT_TOKEN: BOT });
    expect(config.slack).toMatchObject({ mode: 'single', botToken: BOT, appToken: APP, signingSecret: null });
    expect(config.playground.enabled).toBe(false);
  });

  it('a bot token without a signing secret or app token is refused, naming SLACK_SIGNING_SECRET with an example', () => {
    const text = problem({ SLACK_BOT_TOKEN: BOT });
    expect(text).toMatch(/^SLACK_SIGNING_SECRET is missing/);
    expect(text).toContain('SLACK_APP_TOKEN');
    expect(text).toContain('Example: SLACK_SIGNING_SECRET=');
  });

  it('a bot token that does not start with xoxb- is refused, naming SLACK_BOT_TOKEN with an example', () => {
    const text = problem({ SLACK_BOT_TOKEN: 'xoxp-1234-5678', SLACK_SIGNING_SECRET: SIGNING });
    expect(text).toMatch(/^SLACK_BOT_TOKEN /);
    expect(text).toContain('xoxb-');
    expect(text).toContain('Example: SLACK_BOT_TOKEN=xoxb-');
  });

  it('an app token that does not start with xapp- is refused, naming SLACK_APP_TOKEN with an example', () => {
    const text = problem({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xoxb-wrong-kind' });
    expect(text).toMatch(/^SLACK_APP_TOKEN /);
    expect(text).toContain('Example: SLACK_APP_TOKEN=xapp-');
  });

  it('the OAuth trio and a signing secret: installs in many workspaces', () => {
    const config = loadConfig({ ...OAUTH, SLACK_SIGNING_SECRET: SIGNING });
    expect(config.slack).toEqual({
      mode: 'oauth',
      clientId: OAUTH.SLACK_CLIENT_ID,
      clientSecret: OAUTH.SLACK_CLIENT_SECRET,
      stateSecret: OAUTH.SLACK_STATE_SECRET,
      signingSecret: SIGNING,
      appToken: null,
      apiUrl: 'https://slack.com/api/',
      paceMs: 1100,
    });
    expect(config.playground.enabled).toBe(false);
  });

  it('the OAuth variables without a signing secret are refused, naming SLACK_SIGNING_SECRET', () => {
    const text = problem({ ...OAUTH });
    expect(text).toMatch(/^SLACK_SIGNING_SECRET is missing/);
    expect(text).toContain('Example: SLACK_SIGNING_SECRET=');
  });

  for (const missing of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
    it(`two of the three OAuth variables are refused, naming the missing ${missing} with an example`, () => {
      const text = problem({ ...OAUTH, [missing]: undefined, SLACK_SIGNING_SECRET: SIGNING });
      expect(text).toMatch(new RegExp(`^${missing} is missing`));
      expect(text).toContain(`Example: ${missing}=`);
    });
  }

  it('a bot token and OAuth variables together are refused: one or the other, not both', () => {
    const text = problem({ SLACK_BOT_TOKEN: BOT, ...OAUTH, SLACK_SIGNING_SECRET: SIGNING });
    expect(text).toContain('SLACK_BOT_TOKEN');
    for (const name of Object.keys(OAUTH)) expect(text).toContain(name);
    expect(text).toMatch(/not both/);
  });

  it('a bot token and even one OAuth variable are refused, naming that variable', () => {
    const text = problem({ SLACK_BOT_TOKEN: BOT, SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID, SLACK_SIGNING_SECRET: SIGNING });
    expect(text).toContain('SLACK_CLIENT_ID');
    expect(text).not.toContain('SLACK_STATE_SECRET');
    expect(text).toMatch(/not both/);
  });

  it('the OAuth variables with SLACK_APP_TOKEN are refused: Socket Mode is for one workspace', () => {
    const text = problem({ ...OAUTH, SLACK_SIGNING_SECRET: SIGNING, SLACK_APP_TOKEN: APP });
    expect(text).toMatch(/^SLACK_APP_TOKEN/);
    expect(text).toContain('Unset SLACK_APP_TOKEN');
  });

  it('SLACK_APP_TOKEN alone is refused, naming SLACK_BOT_TOKEN with an example', () => {
    const text = problem({ SLACK_APP_TOKEN: APP });
    expect(text).toMatch(/^SLACK_BOT_TOKEN is missing/);
    expect(text).toContain('Example: SLACK_BOT_TOKEN=xoxb-');
  });

  it('SLACK_SIGNING_SECRET alone is refused, naming SLACK_BOT_TOKEN', () => {
    expect(problem({ SLACK_SIGNING_SECRET: SIGNING })).toMatch(/^SLACK_BOT_TOKEN is missing/);
  });

  it('a SLACK_STATE_SECRET shorter than 16 characters is refused with an example', () => {
    const text = problem({ ...OAUTH, SLACK_STATE_SECRET: 'short', SLACK_SIGNING_SECRET: SIGNING });
    expect(text).toMatch(/^SLACK_STATE_SECRET /);
    expect(text).toContain('16');
    expect(text).toContain('Example: SLACK_STATE_SECRET=');
  });

  for (const value of ['abc', '-5', '1.5', '60001']) {
    it(`SLACK_PACE_MS=${value} is refused, naming it with an example`, () => {
      const text = problem({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SIGNING, SLACK_PACE_MS: value });
      expect(text).toMatch(/^SLACK_PACE_MS /);
      expect(text).toContain(`"${value}"`);
      expect(text).toContain('Example: SLACK_PACE_MS=1100');
    });
  }

  it('empty Slack variables count as unset', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      SLACK_CLIENT_ID: '',
      SLACK_CLIENT_SECRET: '',
      SLACK_STATE_SECRET: '',
      SLACK_API_URL: '',
      SLACK_PACE_MS: '',
    });
    expect(config.slack).toBeNull();
  });

  it('does not print the value of a malformed secret in its refusal (start-up output ends up in logs)', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-1234-5678-secretusertoken',
      SLACK_SIGNING_SECRET: 'shh1234',
      SLACK_STATE_SECRET: 'state-secret-15',
      SLACK_APP_TOKEN: 'xoxa-2-secret-app-token',
    };
    const error = refusal(secrets);
    for (const [name, value] of Object.entries(secrets)) {
      expect(error.message).toContain(name);
      expect(error.message, `${name}'s value is printed`).not.toContain(value);
    }
  });
});

describe('Teams configuration', () => {
  const APP_ID = '00000000-0000-4000-8000-0000000000aa';

  it('is off without an app id, and the open local endpoint only with TEAMS=on', () => {
    expect(loadConfig({}).teams).toBeNull();
    expect(loadConfig({ TEAMS: 'on' }).teams).toEqual({ appId: null, appPassword: null, appType: 'MultiTenant', tenantId: null });
    expect(loadConfig({ TEAMS: 'on' }).playground.enabled).toBe(false);
  });

  it('takes a multi-tenant bot from its app id and secret', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'pw' }).teams).toEqual({ appId: APP_ID, appPassword: 'pw', appType: 'MultiTenant', tenantId: null });
  });

  it('asks for the secret, and for the tenant of a single-tenant bot, naming each variable', () => {
    expect(refusal({ MICROSOFT_APP_ID: APP_ID }).message).toContain('MICROSOFT_APP_PASSWORD is missing');
    const single = refusal({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'SingleTenant' });
    expect(single.message).toContain('MICROSOFT_APP_TENANT_ID is missing');
    expect(single.message).toContain('Example:');
    expect(loadConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: 'tenant-1' }).teams?.tenantId).toBe('tenant-1');
  });

  it('refuses an app id that is not a GUID and an unknown app type, and never prints the secret', () => {
    expect(refusal({ MICROSOFT_APP_ID: 'lederrum-bot', MICROSOFT_APP_PASSWORD: 'pw' }).message).toContain('MICROSOFT_APP_ID must be the bot’s Microsoft App ID (a GUID)');
    const wrongType = refusal({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'very-secret-value', MICROSOFT_APP_TYPE: 'UserAssignedMSI' });
    expect(wrongType.message).toContain('MICROSOFT_APP_TYPE must be MultiTenant or SingleTenant');
    expect(wrongType.message).not.toContain('very-secret-value');
  });
});

describe('loadConfig retention (issue 15, point 4)', () => {
  it('keeps answers, takeaways and finished agreements 365 days and waits 30 days after an uninstall by default', () => {
    expect(loadConfig({}).retention).toEqual({ days: 365, uninstallGraceDays: 30 });
  });

  it('takes other periods, a grace of 0 included (delete at the next tick)', () => {
    expect(loadConfig({ RETENTION_DAYS: '90', UNINSTALL_GRACE_DAYS: '0' }).retention).toEqual({ days: 90, uninstallGraceDays: 0 });
    expect(loadConfig({ RETENTION_DAYS: '3650', UNINSTALL_GRACE_DAYS: '365' }).retention).toEqual({ days: 3650, uninstallGraceDays: 365 });
  });

  it('refuses periods out of range or not whole days, naming the variable, the value and an example', () => {
    const zero = refusal({ RETENTION_DAYS: '0' }).message;
    expect(zero).toContain('RETENTION_DAYS must be between 1 and 3650 days (got "0")');
    expect(zero).toContain('Example: RETENTION_DAYS=365');
    expect(refusal({ RETENTION_DAYS: '3651' }).message).toContain('RETENTION_DAYS must be between 1 and 3650 days');
    expect(refusal({ RETENTION_DAYS: 'a year' }).message).toContain('RETENTION_DAYS must be a number of days (got "a year")');
    expect(refusal({ RETENTION_DAYS: '30.5' }).message).toContain('RETENTION_DAYS must be a whole number of days');
    const grace = refusal({ UNINSTALL_GRACE_DAYS: '-1' }).message;
    expect(grace).toContain('UNINSTALL_GRACE_DAYS must be between 0 and 365 days (got "-1")');
    expect(grace).toContain('Example: UNINSTALL_GRACE_DAYS=30');
    expect(refusal({ UNINSTALL_GRACE_DAYS: '400' }).message).toContain('UNINSTALL_GRACE_DAYS must be between 0 and 365 days');
  });
});
