// What the Slack adapter needs configured, and the environment variables it is read from.
import { z } from 'zod';
import type { PlatformSettings } from '../settings.ts';

/** One workspace with its own bot token, or many through the OAuth install flow. */
export type SlackConfig = {
  apiUrl: string;
  paceMs: number;
  /** Set: Socket Mode (no public URL). Unset: HTTP on /slack/events, verified with the signing secret. */
  appToken: string | null;
  signingSecret: string | null;
} & ({ mode: 'single'; botToken: string } | { mode: 'oauth'; clientId: string; clientSecret: string; stateSecret: string });

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

const variables = {
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'must be a bot token starting with xoxb-' }).optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, { error: 'must be the app’s signing secret' }).optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'must be an app-level token starting with xapp-' }).optional(),
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  SLACK_STATE_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  SLACK_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://slack.com/api/'),
  /** Least time between two posts to one Slack channel (Slack allows about one a second). */
  SLACK_PACE_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(0).max(60_000).default(1100),
};

const examples = {
  SLACK_BOT_TOKEN: 'SLACK_BOT_TOKEN=xoxb-1234-5678-abcdef',
  SLACK_SIGNING_SECRET: 'SLACK_SIGNING_SECRET=8f742231b10e8888abcd99yyyzzz85a5 (Basic Information → Signing Secret)',
  SLACK_APP_TOKEN: 'SLACK_APP_TOKEN=xapp-1-A0001-1234-abcdef (an app-level token with connections:write)',
  SLACK_CLIENT_ID: 'SLACK_CLIENT_ID=1234567890.1234567890',
  SLACK_CLIENT_SECRET: 'SLACK_CLIENT_SECRET=0123456789abcdef0123456789abcdef',
  SLACK_STATE_SECRET: 'SLACK_STATE_SECRET=a-long-random-string',
  SLACK_API_URL: 'SLACK_API_URL=https://slack.com/api/',
  SLACK_PACE_MS: 'SLACK_PACE_MS=1100',
} as const satisfies Record<keyof typeof variables, string>;

export const slackSettings: PlatformSettings<typeof variables, SlackConfig> = {
  variables,
  examples,
  secrets: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
  /** Which way Slack runs follows from which variables are set; a half-set combination is named. */
  read(vars) {
    const example = (name: keyof typeof examples) => `Example: ${examples[name]}`;
    const oauthSet = OAUTH_VARS.filter((name) => vars[name] !== undefined);
    if (!vars.SLACK_BOT_TOKEN && oauthSet.length === 0) {
      if (vars.SLACK_APP_TOKEN || vars.SLACK_SIGNING_SECRET) {
        return {
          problems: [
            `SLACK_BOT_TOKEN is missing: Slack needs a bot token, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs in many workspaces. ${example('SLACK_BOT_TOKEN')}`,
          ],
        };
      }
      return { config: null };
    }
    const problems: string[] = [];
    if (vars.SLACK_BOT_TOKEN && oauthSet.length > 0) {
      problems.push(`SLACK_BOT_TOKEN and ${oauthSet.join(', ')} are both set: use a bot token for one workspace, or the OAuth variables for many, not both.`);
    }
    if (!vars.SLACK_BOT_TOKEN) {
      for (const name of OAUTH_VARS.filter((n) => vars[n] === undefined)) problems.push(`${name} is missing for installs in many workspaces. ${example(name)}`);
      if (vars.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: Socket Mode is for one workspace; installs in many workspaces run over HTTP. Unset SLACK_APP_TOKEN.');
    }
    if (!vars.SLACK_APP_TOKEN && !vars.SLACK_SIGNING_SECRET) {
      problems.push(`SLACK_SIGNING_SECRET is missing: requests on /slack/events are verified with it (or set SLACK_APP_TOKEN for Socket Mode). ${example('SLACK_SIGNING_SECRET')}`);
    }
    if (problems.length > 0) return { problems };
    const common = { apiUrl: vars.SLACK_API_URL, paceMs: vars.SLACK_PACE_MS, appToken: vars.SLACK_APP_TOKEN ?? null, signingSecret: vars.SLACK_SIGNING_SECRET ?? null };
    const { SLACK_BOT_TOKEN: botToken, SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = vars;
    if (botToken) return { config: { ...common, mode: 'single', botToken } };
    if (clientId && clientSecret && stateSecret) return { config: { ...common, mode: 'oauth', clientId, clientSecret, stateSecret } };
    return { config: null };
  },
};
