// Results as people read them in chat and in a spreadsheet: a bar chart per question in fixed-width
// text (shown in a code block on every platform), and CSV of the aggregates only. Pure functions;
// every hidden number is written as the reason it is hidden, never as a value.
import type { Language } from '../model/domain.ts';
import type { Translator } from '../i18n/translate.ts';
import type { GroupResult, PollResults, QuestionResult } from './results.ts';
import { isHidden, type Shown } from './suppression.ts';
import { decimal } from '../i18n/numbers.ts';

export { decimal };

const BAR = 20;

/** Why a value is hidden, in words; null when it is shown. */
export function hiddenText(value: Shown<unknown>, t: Translator): string | null {
  if (!isHidden(value)) return null;
  return t(`poll.hidden.${value.reason}` as const, { k: value.threshold });
}

/** A shown value formatted, or the reason it is hidden. */
export function shownAs<T>(value: Shown<T>, t: Translator, format: (v: T) => string): string {
  return isHidden(value) ? hiddenText(value, t)! : format(value);
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** "Helt enig      ████████░░░░ 8 (40 %)" per option, the number of answers and the mean. */
export function resultChart(question: QuestionResult, language: Language, t: Translator): string {
  const lines = [question.text[language]];
  if (question.texts !== null) {
    const hidden = hiddenText(question.texts, t);
    lines.push(...(hidden ? [hidden] : (question.texts as string[]).map((text) => `– ${text.replace(/\s+/g, ' ')}`)));
    return lines.join('\n');
  }
  const width = Math.min(28, Math.max(...question.options.map((o) => [...o.label[language]].length), 4));
  for (const option of question.options) {
    const hidden = hiddenText(option.count, t);
    if (hidden) {
      lines.push(`${pad(option.label[language], width)} ${hidden}`);
      continue;
    }
    // A count can be shown while its share is not (the number of answers is hidden): no bar then,
    // rather than a bar and a percentage of 0 that are not true.
    if (isHidden(option.share)) {
      lines.push(`${pad(option.label[language], width)} ${' '.repeat(BAR)} ${option.count as number}`);
      continue;
    }
    const share = option.share;
    const filled = Math.round(share * BAR);
    lines.push(`${pad(option.label[language], width)} ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${option.count as number} (${Math.round(share * 100)} %)`);
  }
  const answered = hiddenText(question.answered, t);
  lines.push(answered ? t('poll.chart.answered_hidden') : t('poll.chart.answered', { count: question.answered as number }));
  if (question.mean !== null) lines.push(t('poll.chart.mean', { mean: shownAs(question.mean, t, (v) => decimal(v, 2, language)) }));
  return lines.join('\n');
}

/** A text a spreadsheet would run as a formula (= + - @ first) gets a leading ' and stays text. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * How a spreadsheet in the reader's language expects a CSV: Danish Excel splits on ";" and reads
 * "52,8" as a number (a "," would split the decimal); English uses "," and "52.8".
 */
export function csvDialect(language: Language): { separator: string; decimalComma: boolean } {
  return language === 'da' ? { separator: ';', decimalComma: true } : { separator: ',', decimalComma: false };
}

/** RFC 4180 with the dialect's separator: quoted when needed, quotes doubled, CRLF between records. */
function csvRecord(fields: Array<string | number>, dialect: ReturnType<typeof csvDialect>): string {
  const needsQuotes = new RegExp(`["\r\n${dialect.separator}]`);
  return fields
    .map((f) => (typeof f === 'number' ? (dialect.decimalComma ? String(f).replace('.', ',') : String(f)) : defused(f)))
    .map((f) => (needsQuotes.test(f) ? `"${f.replaceAll('"', '""')}"` : f))
    .join(dialect.separator);
}

const cell = (value: Shown<number>, digits = 0): string | number => (isHidden(value) ? '' : Number(value.toFixed(digits)));
/** A share as a percentage with one decimal, as the header says. */
const percentCell = (value: Shown<number>): string | number => (isHidden(value) ? '' : Math.round(value * 1000) / 10);

function groupRows(group: GroupResult, language: Language, t: Translator, name: string): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [[name, t('poll.csv.responded'), '', cell(group.responded), percentCell(group.responseRate), '']];
  if (group.score) rows.push([name, t('poll.csv.score'), t('poll.csv.flagged'), cell(group.score.flagged), percentCell(group.score.shareFlagged), cell(group.score.mean, 1)]);
  for (const question of group.questions) {
    if (question.texts !== null) continue;
    for (const option of question.options) rows.push([name, question.text[language], option.label[language], cell(option.count), percentCell(option.share), '']);
    rows.push([name, question.text[language], t('poll.csv.all_answers'), cell(question.answered), '', question.mean === null ? '' : cell(question.mean, 2)]);
  }
  return rows;
}

/** The aggregates as CSV in the reader's dialect: a header, then the total and each group; hidden cells are empty. Free text never. */
export function resultsCsv(results: PollResults, language: Language, t: Translator): string {
  const header = [t('poll.csv.group'), t('poll.csv.question'), t('poll.csv.option'), t('poll.csv.count'), t('poll.csv.share'), t('poll.csv.mean')];
  const rows = [header, ...groupRows(results.total, language, t, t('poll.csv.total')), ...results.groups.flatMap((g) => groupRows(g, language, t, g.name))];
  const dialect = csvDialect(language);
  return `${rows.map((row) => csvRecord(row, dialect)).join('\r\n')}\r\n`;
}

/** The same CSV as a file: a UTF-8 byte order mark first, or Excel reads "æøå" as Latin-1. */
export function resultsCsvFile(results: PollResults, language: Language, t: Translator): string {
  return `\uFEFF${resultsCsv(results, language, t)}`;
}
