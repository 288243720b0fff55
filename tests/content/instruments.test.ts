// The poll instruments are data (ARCHITECTURE rule 9; BRIEF point 7): they load and validate, keep
// the published wording and scoring shape, explain a score without labelling the person (BRIEF
// point 5), cite where their meaningful change comes from, and a broken file is refused with
// every problem named by file and field.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS, loadInstruments } from '../../src/content-loader/instruments.ts';
import { parseSeedRange } from '../../src/content-loader/schema.ts';
import type { Instrument as CoreInstrument } from '../../src/core/polls/instrument.ts';
import { ruleOf } from '../../src/core/polls/scoring/rules.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const raw = (id: string) => readFileSync(join(CONTENT, 'instruments', `${id}.yaml`), 'utf8');
// The loader's result is what the core receives; this line fails to compile if the shapes drift.
const instruments: CoreInstrument[] = loadInstruments();
const byId = (id: string) => instruments.find((i) => i.id === id)!;
const label = (i: CoreInstrument, value: number) => i.scale.labels.find((l) => l.value === value)?.label;

describe('the instrument files', () => {
  it('load in a fixed order: WHO-5, PSS-10, the workplace pulse', () => {
    expect(instruments.map((i) => [i.id, i.scoring, i.items.length])).toEqual([
      ['who5', 'who5', 5],
      ['pss10', 'pss10', 10],
      ['workplace-pulse', 'mean', 5],
    ]);
    expect(INSTRUMENT_IDS).toEqual(['who5', 'pss10', 'workplace-pulse']);
  });

  it('keep the published WHO-5 wording, scale and source', () => {
    const who5 = byId('who5');
    expect(who5.items.map((i) => i.text.en)).toEqual([
      'I have felt cheerful and in good spirits',
      'I have felt calm and relaxed',
      'I have felt active and vigorous',
      'I woke up feeling fresh and rested',
      'My daily life has been filled with things that interest me',
    ]);
    expect(who5.items.map((i) => i.text.da)).toEqual([
      'Jeg har været glad og i godt humør',
      'Jeg har følt mig rolig og afslappet',
      'Jeg har følt mig aktiv og energisk',
      'Jeg er vågnet frisk og udhvilet',
      'Min dagligdag har været fyldt med ting der interesserer mig',
    ]);
    expect(label(who5, 5)).toEqual({ da: 'Hele tiden', en: 'All of the time' });
    expect(label(who5, 0)).toEqual({ da: 'På intet tidspunkt', en: 'At no time' });
    expect(who5.intro.en).toMatch(/last two weeks/);
    expect(who5.intro.da).toMatch(/sidste 2 uger/);
    expect(who5.source.en).toMatch(/Psychiatric Research Unit.*WHO Collaborating Centre in Mental Health.*Hillerød/);
    expect(who5.source.da).toMatch(/WHO-5 Trivselsindeks/);
    expect(who5.meaningfulChange).toBe(10);
  });

  it('keep the PSS-10 shape: ten items about the last month, 0-4, items 4, 5, 7 and 8 reversed', () => {
    const pss = byId('pss10');
    expect(pss.items.flatMap((item, i) => (item.reverse ? [i + 1] : []))).toEqual([4, 5, 7, 8]);
    expect(pss.items.every((i) => i.text.en.startsWith('In the last month, how often'))).toBe(true);
    expect(pss.items.every((i) => i.text.da.startsWith('Hvor ofte inden for den sidste måned'))).toBe(true);
    expect([label(pss, 0), label(pss, 4)]).toEqual([
      { da: 'Aldrig', en: 'Never' },
      { da: 'Meget ofte', en: 'Very often' },
    ]);
    expect(pss.source.en).toMatch(/Cohen S, Kamarck T, Mermelstein R.*1983.*Cohen S, Williamson G.*1988.*Eskildsen A.*Scand J Work Environ Health 2015/);
  });

  it('make the workplace pulse a fresh 4-6 item agree-disagree template citing seed 000', () => {
    const pulse = byId('workplace-pulse');
    expect(pulse.items.length).toBeGreaterThanOrEqual(4);
    expect(pulse.items.length).toBeLessThanOrEqual(6);
    expect([pulse.scale.min, pulse.scale.max, pulse.scoring]).toEqual([1, 5, 'mean']);
    expect(pulse.items.some((i) => i.reverse)).toBe(false);
    expect(pulse.seeds).toEqual(['000:1065-1109']);
    const index = JSON.parse(readFileSync(join(CONTENT, 'seed-lines.json'), 'utf8')) as { files: Record<string, { lines: number }> };
    for (const seed of pulse.seeds ?? []) {
      const { file, to } = parseSeedRange(seed);
      expect(to).toBeLessThanOrEqual(index.files[file]!.lines);
    }
  });

  it('explain each band of a scored instrument in both languages, and nothing more', () => {
    for (const i of instruments) {
      expect(Object.keys(i.bands ?? {}).sort(), i.id).toEqual([...ruleOf(i).shape.bands].sort());
    }
  });

  it('say where each meaningful change comes from, in a comment above it', () => {
    for (const id of INSTRUMENT_IDS) {
      const lines = raw(id).split('\n');
      const at = lines.findIndex((l) => l.startsWith('meaningfulChange:'));
      expect(at, id).toBeGreaterThan(0);
      expect(lines[at - 1], id).toMatch(/^#/);
      expect(lines.slice(Math.max(0, at - 4), at).join(' '), id).toMatch(/(19|20)\d\d/); // a dated source
    }
  });

  it('have Danish and English for every text, both non-empty and different', () => {
    const texts = instruments.flatMap((i) => [i.name, i.source, i.intro, ...i.items.map((x) => x.text), ...i.scale.labels.map((l) => l.label), ...Object.values(i.bands ?? {})]);
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) {
      expect(t.da.trim()).not.toBe('');
      expect(t.en.trim()).not.toBe('');
      expect(t.da).not.toBe(t.en);
    }
  });

  it('never label the person: names, intros and bands speak of load (item texts keep their published words)', () => {
    const label = /\b(?:stressed|stresset|stressede|stressramt\w*)\b/i;
    expect(label.test('Du er stresset')).toBe(true);
    expect(label.test('Your score is 18 or more – a high level of perceived load.')).toBe(false);
    const ours = instruments.flatMap((i) => [i.name, i.intro, ...Object.values(i.bands ?? {})].flatMap((t) => [t.da, t.en]));
    expect(ours.filter((t) => label.test(t))).toEqual([]);
    expect(
      byId('workplace-pulse')
        .items.flatMap((i) => [i.text.da, i.text.en])
        .filter((t) => label.test(t)),
    ).toEqual([]);
    expect(Object.values(byId('pss10').bands ?? {}).every((b) => /belastning/.test(b.da) && /load/.test(b.en))).toBe(true);
  });

  it('word the bands at the thresholds scoring uses: PSS-10 high load from 18, WHO-5 below 50 and at most 28', () => {
    const pss = byId('pss10').bands!;
    expect([pss['typical']!.da, pss['typical']!.en]).toEqual([expect.stringContaining('under 18'), expect.stringContaining('below 18')]);
    expect([pss['raised']!.da, pss['raised']!.en]).toEqual([expect.stringContaining('18 eller derover'), expect.stringContaining('18 or more')]);
    expect(pss['high']!.en).toContain('above 25');
    const who = byId('who5').bands!;
    expect([who['good']!.en, who['risk']!.en, who['screening']!.en]).toEqual([expect.stringContaining('50 or more'), expect.stringContaining('below 50'), expect.stringContaining('28 or below')]);
  });
});

describe('a broken instrument file', () => {
  it('is refused with an error naming each file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lederrum-instruments-'));
    try {
      cpSync(CONTENT, dir, { recursive: true });
      const file = (id: string) => join(dir, 'instruments', `${id}.yaml`);
      const edit = (id: string, from: string | RegExp, to: string) => {
        const text = readFileSync(file(id), 'utf8');
        const next = text.replace(from, to);
        expect(next, `${id}: ${String(from)}`).not.toBe(text);
        writeFileSync(file(id), next);
      };
      edit('who5', 'id: calm', 'id: cheerful');
      edit('who5', '  - id: active\n', '  - id: active\n    reverse: true\n');
      edit('pss10', '    - value: 2\n      label: { da: "En gang imellem", en: "Sometimes" }\n', '');
      edit('workplace-pulse', /\nseeds: .*\n/, '\n');
      edit('workplace-pulse', 'en: "Strongly agree"', 'en: ""');
      let message = '';
      try {
        loadInstruments(dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Instrument files are not valid:/);
      expect(message).toMatch(/instruments\/who5\.yaml: items\.1\.id: duplicate id "cheerful"/);
      expect(message).toMatch(/instruments\/who5\.yaml: items\.2\.reverse: who5 scoring reverses no items \(only pss10 may\)/);
      expect(message).toMatch(/instruments\/pss10\.yaml: scale\.labels: labels must cover 0\.\.4 once each, in order/);
      expect(message).toMatch(/instruments\/workplace-pulse\.yaml: scale\.labels\.4\.label\.en: English text is empty/);

      cpSync(join(CONTENT, 'instruments'), join(dir, 'instruments'), { recursive: true });
      edit('workplace-pulse', /\nseeds: .*\n/, '\n');
      expect(() => loadInstruments(dir)).toThrow(/workplace-pulse\.yaml: seeds: an own template cites the seed lines/);
      cpSync(join(CONTENT, 'instruments'), join(dir, 'instruments'), { recursive: true });
      rmSync(file('pss10'));
      edit('who5', 'id: who5', 'id: who-5');
      const missing = () => loadInstruments(dir);
      expect(missing).toThrow(/instruments\/pss10\.yaml: missing/);
      expect(missing).toThrow(/instruments\/who5\.yaml: id: "who-5" does not match the file name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
