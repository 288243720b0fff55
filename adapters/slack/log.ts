// Bolt and the Web API client log through @slack/logger's interface; this forwards their lines
// to Lederrum's JSON logger so operators see one stream. Their debug chatter is dropped.
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../src/core/index.ts';

export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: () => {},
    info: (...parts) => logger.info(line(parts), { source: name }),
    warn: (...parts) => logger.warn(line(parts), { source: name }),
    error: (...parts) => logger.error(line(parts), { source: name }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
