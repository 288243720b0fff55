// Bolt and the Web API client log through @slack/logger's interface; this forwards their lines
// to Lederrum's JSON logger so operators see one stream. Their debug chatter is Lederrum's debug
// (LOG_LEVEL=debug shows it). Those lines print request and response bodies (message text,
// people's names): that part is cut before the line is logged.
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../src/core/index.ts';

export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => logger.debug(withoutPayload(line(parts)), { source: name }),
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

/** Where an SDK line starts printing a body (JSON, or an ack's text): everything from there on. */
const PAYLOAD = /[{[]|\(?\b(?:body|result|storedResponse|event)\b\s*[:(]/;

/** An SDK debug line up to where its payload starts: what happened, not what was said. */
export function withoutPayload(line: string): string {
  const at = line.search(PAYLOAD);
  return at < 0 ? line : `${line.slice(0, at).trimEnd()} [payload omitted]`;
}
