// The log as operators read it: one JSON line per event with level, ISO time and message, the
// levels from debug to silent, and fields that could carry a member's words or name censored
// wherever they are logged — also in the Slack SDK's debug lines, whose bodies are cut.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { CENSORED, jsonLogger, type LogLevel } from '../../src/app/logger.ts';
import { slackLogger, withoutPayload } from '../../adapters/slack/log.ts';

function collecting(level: LogLevel) {
  const lines: string[] = [];
  const logger = jsonLogger(level, (line) => lines.push(line));
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the JSON log', () => {
  it('writes one line per event with level, ISO time, message and the fields', () => {
    const { logger, lines, parsed } = collecting('info');
    logger.info('outbox worker running', { tickSeconds: 5 });
    logger.warn('teams turn slow', { waitedMs: 300 });
    expect(lines.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
    const [first, second] = parsed();
    expect(first).toMatchObject({ level: 'info', message: 'outbox worker running', tickSeconds: 5 });
    expect(new Date(String(first!['time'])).toISOString()).toBe(first!['time']);
    expect(second).toMatchObject({ level: 'warn', message: 'teams turn slow' });
    expect(Object.keys(first!).sort()).toEqual(['level', 'message', 'tickSeconds', 'time']);
  });

  it('keeps to its level: debug only at debug, nothing at silent', () => {
    const levels: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
    const written = levels.map((level) => {
      const { logger, parsed } = collecting(level);
      logger.debug('d');
      logger.info('i');
      logger.warn('w');
      logger.error('e');
      return parsed().map((line) => line['message']);
    });
    expect(written).toEqual([['d', 'i', 'w', 'e'], ['i', 'w', 'e'], ['w', 'e'], ['e'], []]);
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it("censors fields that could carry a member's words or name, at the top and one level down", () => {
    const { logger, lines, parsed } = collecting('debug');
    logger.info('round answered', {
      text: 'Jeg er træt af mødet med Jonas',
      displayName: 'Mia Holm',
      person: { id: 'p-1', name: 'Mia Holm' },
      answer: { value: 'helt ærligt' },
      message: 'a field named message',
      key: 'round:42',
    });
    logger.debug('slack', { payload: { user: { name: 'mia' } } });
    const [line, debug] = parsed();
    expect(line).toMatchObject({ message: 'round answered', text: CENSORED, displayName: CENSORED, person: { id: 'p-1', name: CENSORED }, answer: CENSORED, key: 'round:42' });
    // A field named like the line's own keys never replaces them, and is censored too.
    expect(line!['field_message']).toBe(CENSORED);
    expect(debug).toMatchObject({ level: 'debug', payload: CENSORED });
    const all = lines.join('');
    for (const personal of ['træt', 'Jonas', 'Mia', 'ærligt', 'a field named message', 'mia']) expect(all).not.toContain(personal);
  });

  it("forwards the Slack SDK's debug lines at debug, without the bodies they print", () => {
    const { logger, lines, parsed } = collecting('debug');
    const sdk = slackLogger(logger);
    sdk.debug('http request body: {"text":"Mia skrev noget","channel":"C1"}');
    sdk.debug(`ack() response sent (body: Tak, Mia)`);
    sdk.debug("apiCall('chat.postMessage') start");
    expect(parsed().map((l) => [l['level'], l['message']])).toEqual([
      ['debug', 'http request [payload omitted]'],
      ['debug', 'ack() response sent [payload omitted]'],
      ['debug', "apiCall('chat.postMessage') start"],
    ]);
    expect(lines.join('')).not.toContain('Mia');
    expect(withoutPayload('http request result: {"ok":true}')).toBe('http request [payload omitted]');
  });
});
