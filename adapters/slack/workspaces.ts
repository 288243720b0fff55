// Which token speaks for the bot in a workspace: the one SLACK_BOT_TOKEN for a single
// workspace, or the installation's token for apps installed through OAuth. Each token gets one
// WebClient, configured once: Slack's API URL, retries with backoff on 5xx and network errors,
// and Retry-After honoured on 429 (the client pauses its queue and retries) — except for the
// outbox's clients, which hand a 429 back (see ClientOptions.rejectRateLimited).
import { WebClient, type RetryOptions } from '@slack/web-api';
import { LederrumError, type Logger } from '../../src/core/index.ts';
import type { SlackInstallations } from './installation-store.ts';
import { slackLogger } from './log.ts';

export interface ClientOptions {
  apiUrl: string;
  logger: Logger;
  retry?: RetryOptions;
  /**
   * Answer a 429 with an error carrying Retry-After instead of waiting it out. For the outbox's
   * sends: the outbox holds the workspace's lanes until then and retries the message itself,
   * whereas the client's own pause would release every send queued meanwhile at once when it
   * ends, into more 429s (one refusal in a 1,000-message fan-out cost 77 more and doubled its time).
   */
  rejectRateLimited?: boolean;
}

export interface Workspaces {
  client(teamId: string): Promise<WebClient>;
  /** Drops what is cached about a workspace (after an uninstall). */
  forget(teamId: string): void;
}

/** Five tries within about 15 s: enough for a Slack hiccup, short enough for a person waiting. */
export const DEFAULT_RETRY: RetryOptions = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 8000, randomize: true };

export function webClient(token: string | undefined, options: ClientOptions): WebClient {
  return new WebClient(token, {
    slackApiUrl: options.apiUrl,
    logger: slackLogger(options.logger),
    retryConfig: options.retry ?? DEFAULT_RETRY,
    rejectRateLimitedCalls: options.rejectRateLimited ?? false,
  });
}

export function singleWorkspace(botToken: string, options: ClientOptions): Workspaces {
  const client = webClient(botToken, options);
  return { client: async () => client, forget: () => {} };
}

export function installedWorkspaces(installations: SlackInstallations, options: ClientOptions): Workspaces {
  const clients = new Map<string, WebClient>();
  return {
    async client(teamId) {
      const cached = clients.get(teamId);
      if (cached) return cached;
      const record = await installations.find(teamId);
      if (!record) {
        throw new LederrumError('NOT_IN_CONVERSATION', 'error.not_in_conversation', { detail: `Lederrum is not installed in Slack workspace ${teamId}.` });
      }
      const client = webClient(record.botToken, options);
      clients.set(teamId, client);
      return client;
    },
    forget(teamId) {
      clients.delete(teamId);
    },
  };
}
