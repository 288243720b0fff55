// What the Slack adapter needs configured; src/app/config.ts reads it from the environment.
/** One workspace with its own bot token, or many through the OAuth install flow. */
export type SlackConfig = {
  apiUrl: string;
  paceMs: number;
  /** Set: Socket Mode (no public URL). Unset: HTTP on /slack/events, verified with the signing secret. */
  appToken: string | null;
  signingSecret: string | null;
} & ({ mode: 'single'; botToken: string } | { mode: 'oauth'; clientId: string; clientSecret: string; stateSecret: string });
