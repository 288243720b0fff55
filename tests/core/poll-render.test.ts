// Rendering poll results (render.ts): the chart for chat and the CSV export show only what
// buildResults left visible, say why a number is hidden, and the CSV parses back as RFC 4180.
import { describe, expect, it } from 'vitest';
import { pollText } from '../../src/core/polls/texts.ts';
import { translator } from '../../src/core/i18n/translate.ts';
import { resultChart, resultsCsv, resultsCsvFile } from '../../src/core/polls/render.ts';
import { buildResults, type QuestionResult } from '../../src/core/polls/results.ts';
import { isHidden } from '../../src/core/polls/suppression.ts';

/** RFC 4180 with a given separator, written here so the test does not trust the code under test: quotes, doubled quotes, CRLF. */
function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

const H = (reason: 'too_few' | 'protects_other', threshold = 5) => ({ hidden: true as const, reason, threshold });
const question: QuestionResult = {
  questionId: 'q',
  text: { da: 'Jeg kan nå mine opgaver', en: 'I can get my tasks done' },
  kind: 'scale',
  answered: 20,
  options: [
    { key: '5', label: { da: 'Helt enig', en: 'Strongly agree' }, count: 8, share: 0.4 },
    { key: '4', label: { da: 'Enig', en: 'Agree' }, count: 12, share: 0.6 },
    { key: '3', label: { da: 'Uenig', en: 'Disagree' }, count: H('too_few'), share: H('too_few') },
    { key: '2', label: { da: 'Helt uenig', en: 'Strongly disagree' }, count: H('protects_other'), share: H('protects_other') },
  ],
  mean: 4.4,
  texts: null,
  change: null,
  threshold: 5,
};

describe('resultChart', () => {
  it('draws a bar per option and says why a hidden one is hidden, in Danish', () => {
    const lines = resultChart(question, 'da', translator('da')).split('\n');
    expect(lines[0]).toBe('Jeg kan nå mine opgaver');
    // 8 of 20 is 40 %: 8 of the 20 blocks filled.
    expect(lines[1]).toBe(`Helt enig  ${'█'.repeat(8)}${'░'.repeat(12)} 8 (40 %)`);
    expect(lines[2]).toBe(`Enig       ${'█'.repeat(12)}${'░'.repeat(8)} 12 (60 %)`);
    expect(lines[3]).toBe('Uenig      – (skjult: færre end 5)');
    expect(lines[4]).toBe(`Helt uenig ${pollText['poll.hidden.protects_other'].da}`);
    expect(lines.slice(5)).toEqual(['20 svar', 'Gennemsnit: 4,40']);
  });

  it('says the same in English', () => {
    const chart = resultChart(question, 'en', translator('en'));
    expect(chart).toContain('Disagree          – (hidden: fewer than 5)');
    expect(chart).toContain('20 answers');
  });

  it('draws no bar where the count is shown but its share is not', () => {
    const odd: QuestionResult = { ...question, answered: H('protects_other'), options: [{ ...question.options[0]!, share: H('protects_other') }] };
    const lines = resultChart(odd, 'da', translator('da')).split('\n');
    expect(lines[1]).toBe(`Helt enig ${' '.repeat(20)} 8`);
    expect(lines[1]).not.toMatch(/%/);
  });

  it('lists free text only where it may be shown, and otherwise says why not', () => {
    const free: QuestionResult = { ...question, kind: 'text', options: [], mean: null, texts: ['Mere tid\ntil pauser', 'Færre møder'] };
    expect(resultChart(free, 'da', translator('da')).split('\n').slice(1)).toEqual(['– Mere tid til pauser', '– Færre møder']);
    const few: QuestionResult = { ...free, texts: H('too_few', 10) };
    expect(resultChart(few, 'en', translator('en'))).toContain('– (hidden: fewer than 10)');
  });
});

describe('resultsCsv', () => {
  const texts = Array.from({ length: 12 }, (_, i) => `Fritekst nummer ${i}`);
  const results = buildResults({
    questions: [
      { id: 'q', kind: 'agree5', text: { da: 'Tempoet, "alt i alt", er fint', en: 'The pace, "all in all", is fine' } },
      { id: 't', kind: 'text', text: { da: 'Hvad kan vi gøre?', en: 'What can we do?' } },
    ],
    groups: [
      {
        groupId: 'a',
        name: 'Salg, "Nord"\nteam',
        invited: 14,
        responded: 12,
        questions: [
          { questionId: 'q', counts: { 3: 1, 4: 6, 5: 5 }, sum: 3 + 24 + 25, answered: 12 },
          { questionId: 't', counts: {}, sum: 0, answered: 12, texts },
        ],
      },
      { groupId: 'b', name: '=HYPERLINK("http://x")', invited: 9, responded: 7, questions: [{ questionId: 'q', counts: { 2: 2, 4: 5 }, sum: 4 + 20, answered: 7 }] },
      { groupId: 'c', name: 'Drift', invited: 6, responded: 3, questions: [{ questionId: 'q', counts: { 4: 3 }, sum: 12, answered: 3 }] },
    ],
  });
  const csv = resultsCsv(results, 'da', translator('da'));
  const rows = parseCsv(csv);

  it('parses back as RFC 4180 with one header and six fields a row', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual(['Gruppe', 'Spørgsmål', 'Svarmulighed', 'Antal', 'Andel (%)', 'Gennemsnit']);
    expect(rows.every((r) => r.length === 6)).toBe(true);
    expect(rows.map((r) => r[0])).toContain('Salg, "Nord"\nteam');
    expect(rows.map((r) => r[1])).toContain('Tempoet, "alt i alt", er fint');
  });

  it('keeps a name that looks like a formula as text', () => {
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("http://x")`);
    expect(rows.some((r) => r.some((f) => f.startsWith('=')))).toBe(false);
  });

  it('writes exactly the shown counts, an empty field for each hidden one', () => {
    let hidden = 0;
    for (const g of [...results.groups, results.total]) {
      const name = g.groupId === '*' ? 'Alle' : g.name.startsWith('=') ? `'${g.name}` : g.name;
      const q = g.questions[0]!;
      for (const o of q.options) {
        const row = rows.find((r) => r[0] === name && r[1] === q.text.da && r[2] === o.label.da)!;
        expect(row, `${name} ${o.label.da}`).toBeDefined();
        expect(row[3]).toBe(isHidden(o.count) ? '' : String(o.count));
        if (isHidden(o.count)) hidden++;
      }
      const responded = rows.find((r) => r[0] === name && r[1] === 'Svarede')!;
      expect(responded[3]).toBe(isHidden(g.responded) ? '' : String(g.responded));
    }
    expect(hidden).toBeGreaterThan(5); // the example does hide things
    expect(rows.find((r) => r[0] === 'Drift' && r[1] === 'Svarede')![3]).toBe('');
  });

  it('writes Danish decimals with a comma and quotes a field holding the separator', () => {
    const shares = rows
      .slice(1)
      .map((r) => r[4]!)
      .filter((m) => m !== '');
    for (const share of shares) expect(share).toMatch(/^\d+(,\d)?$/);
    expect(shares).toContain('75,9');
    expect(csv).toContain('"Salg, ""Nord""\nteam"');
    expect(resultsCsv(results, 'da', translator('da')).includes('\uFEFF')).toBe(false); // the chat copy has no mark
    expect(resultsCsvFile(results, 'da', translator('da')).startsWith('\uFEFFGruppe;')).toBe(true);
  });

  it('writes English with "," between fields and "." decimals', () => {
    const english = parseCsv(resultsCsv(results, 'en', translator('en')), ',');
    expect(english[0]).toEqual(['Group', 'Question', 'Option', 'Count', 'Share (%)', 'Mean']);
    expect(english.every((r) => r.length === 6)).toBe(true);
    const shares = english
      .slice(1)
      .map((r) => r[4]!)
      .filter((m) => m !== '');
    for (const share of shares) expect(share).toMatch(/^\d+(\.\d)?$/);
    expect(shares).toContain('75.9');
  });

  it('never exports free text, not even where the chart may show it', () => {
    expect(results.total.questions[1]!.texts).toHaveLength(12); // shown in chat
    expect(resultChart(results.total.questions[1]!, 'da', translator('da'))).toContain(texts[0]);
    for (const text of texts) expect(csv).not.toContain(text);
  });
});
