// Schema and loader for the poll instruments under content/instruments (ARCHITECTURE rule 9).
// An instrument's scoring rules live in src/core/polls/scoring.ts; what is checked here is that
// the file has the shape those rules assume (item count, scale, reversed items, bands), so a
// wrong file stops the start with a message naming the file and the field.
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR, readYaml, yamlFiles } from './load.ts';
import { Bilingual, KebabId, SeedRange } from './schema.ts';

export const INSTRUMENT_IDS = ['who5', 'pss10', 'workplace-pulse'] as const;

/** What each kind of scoring needs from its file; null where any shape will do. */
const SHAPES = {
  who5: { items: 5, min: 0, max: 5, bands: ['good', 'risk', 'screening'] },
  pss10: { items: 10, min: 0, max: 4, bands: ['typical', 'raised', 'high'] },
  mean: { items: null, min: null, max: null, bands: [] },
} as const;

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
    scoring: z.enum(['who5', 'pss10', 'mean']),
    meaningfulChange: z.number().positive(),
    bands: z.record(z.string(), Bilingual).optional(),
    seeds: z.array(SeedRange).min(1).optional(),
  })
  .superRefine((instrument, ctx) => {
    const issue = (message: string, path: Array<string | number>) => ctx.addIssue({ code: 'custom', message, path });
    const { scale, items, scoring } = instrument;
    const shape = SHAPES[scoring];

    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (ids.has(item.id)) issue(`duplicate id "${item.id}"`, ['items', i, 'id']);
      ids.add(item.id);
      if (item.reverse && scoring !== 'pss10') issue('only a PSS-10-style scoring reverses items', ['items', i, 'reverse']);
    });
    if (shape.items !== null && items.length !== shape.items) issue(`${scoring} has ${shape.items} items, not ${items.length}`, ['items']);

    if (scale.min >= scale.max) issue('min must be below max', ['scale', 'max']);
    if (shape.min !== null && (scale.min !== shape.min || scale.max !== shape.max)) {
      issue(`${scoring} is scored ${shape.min}-${shape.max}`, ['scale']);
    }
    const values = scale.labels.map((l) => l.value);
    const expected = Array.from({ length: Math.max(0, scale.max - scale.min + 1) }, (_, i) => scale.min + i);
    if (values.join() !== expected.join()) issue(`labels must cover ${scale.min}..${scale.max} once each, in order`, ['scale', 'labels']);

    const bands = Object.keys(instrument.bands ?? {});
    if (bands.sort().join() !== [...shape.bands].sort().join()) {
      issue(shape.bands.length ? `bands must be exactly ${shape.bands.join(', ')}` : `${scoring} has no bands`, ['bands']);
    }
    if (scoring === 'mean' && !instrument.seeds) issue('an own template cites the seed lines it is written from', ['seeds']);
    const range = scoring === 'who5' ? 100 : scoring === 'pss10' ? 40 : scale.max - scale.min;
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
