// Schema and loader for the poll instruments under content/instruments (ARCHITECTURE rule 9).
// An instrument's scoring rule lives in src/core/polls/scoring/, one file a rule; what is checked
// here is that the file names a registered rule and has the shape that rule declares (item count,
// scale, reversed items, bands, cited seeds), so a new rule needs nothing here, and a wrong file
// stops the start with a message naming the file and the field.
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR, readYaml, yamlFiles } from './load.ts';
import { Bilingual, KebabId, SeedRange } from './schema.ts';
import { isScoringKind, ruleOf, SCORING_RULES } from '../core/polls/scoring/rules.ts';

export const INSTRUMENT_IDS = ['who5', 'pss10', 'workplace-pulse'] as const;

const KINDS = Object.keys(SCORING_RULES);
/** Told to whoever marks an item reversed under a rule that scores every item as answered. */
const REVERSING = Object.entries(SCORING_RULES)
  .filter(([, rule]) => rule.shape.reverses)
  .map(([kind]) => kind);
const ONLY_REVERSING = REVERSING.length ? ` (only ${REVERSING.join(', ')} may)` : '';

const whole = z.number().int();

export const Instrument = z
  .strictObject({
    id: KebabId,
    name: Bilingual,
    source: Bilingual,
    intro: Bilingual,
    scale: z.strictObject({
      min: whole.min(0),
      max: whole.max(10),
      labels: z.array(z.strictObject({ value: whole, label: Bilingual })).min(2),
    }),
    items: z
      .array(z.strictObject({ id: KebabId, text: Bilingual, reverse: z.literal(true).optional() }))
      .min(2)
      .max(12),
    // Aborts: the checks below read the rule, and zod would otherwise run them on after a failed refinement.
    scoring: z.string().refine(isScoringKind, { message: `names no scoring rule; the rules are ${KINDS.join(', ')}`, abort: true }),
    meaningfulChange: z.number().positive(),
    bands: z.record(z.string(), Bilingual).optional(),
    seeds: z.array(SeedRange).min(1).optional(),
  })
  .superRefine((instrument, ctx) => {
    const issue = (message: string, path: Array<string | number>) => ctx.addIssue({ code: 'custom', message, path });
    const { scale, items, scoring } = instrument;
    const rule = ruleOf(instrument);
    const { shape } = rule;

    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (ids.has(item.id)) issue(`duplicate id "${item.id}"`, ['items', i, 'id']);
      ids.add(item.id);
      if (item.reverse && !shape.reverses) issue(`${scoring} scoring reverses no items${ONLY_REVERSING}`, ['items', i, 'reverse']);
    });
    if (shape.items !== null && items.length !== shape.items) issue(`${scoring} has ${shape.items} items, not ${items.length}`, ['items']);

    if (scale.min >= scale.max) issue('min must be below max', ['scale', 'max']);
    if (shape.scale !== null && (scale.min !== shape.scale.min || scale.max !== shape.scale.max)) {
      issue(`${scoring} is scored ${shape.scale.min}-${shape.scale.max}`, ['scale']);
    }
    const values = scale.labels.map((l) => l.value);
    const expected = Array.from({ length: Math.max(0, scale.max - scale.min + 1) }, (_, i) => scale.min + i);
    if (values.join() !== expected.join()) issue(`labels must cover ${scale.min}..${scale.max} once each, in order`, ['scale', 'labels']);

    const bands = Object.keys(instrument.bands ?? {});
    if (bands.sort().join() !== [...shape.bands].sort().join()) {
      issue(shape.bands.length ? `bands must be exactly ${shape.bands.join(', ')}` : `${scoring} has no bands`, ['bands']);
    }
    if (shape.citesSeeds && !instrument.seeds) issue('an own template cites the seed lines it is written from', ['seeds']);
    const { min, max } = rule.range(instrument);
    const range = max - min;
    if (instrument.meaningfulChange >= range) issue(`must be below the score's range (${range})`, ['meaningfulChange']);
  });
export type Instrument = z.infer<typeof Instrument>;

/** Loads content/instruments/*.yaml; throws one Error naming each failing file and field. */
export function loadInstruments(dir: string = CONTENT_DIR): Instrument[] {
  const problems: string[] = [];
  const folder = join(dir, 'instruments');
  const named = (path: string) => relative(join(dir, '..'), path);
  const found: Instrument[] = [];
  for (const path of yamlFiles(folder)) {
    const instrument = readYaml(dir, path, Instrument, problems);
    if (instrument && instrument.id !== basename(path, '.yaml')) problems.push(`${named(path)}: id: "${instrument.id}" does not match the file name`);
    else if (instrument) found.push(instrument);
  }
  for (const id of INSTRUMENT_IDS) {
    const path = join(folder, `${id}.yaml`);
    if (!existsSync(path)) problems.push(`${named(path)}: missing`);
  }
  if (problems.length > 0) throw new Error(`Instrument files are not valid:\n${problems.join('\n')}`);
  const order = (id: string) => {
    const i = (INSTRUMENT_IDS as readonly string[]).indexOf(id);
    return i < 0 ? INSTRUMENT_IDS.length : i;
  };
  return found.sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
}
