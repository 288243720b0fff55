// The one instrument a person's own well-being is taken with: the published WHO-5 from
// content/instruments (validated at start-up), for the chat view and the chart's page alike.
import type { CoreDeps } from '../context.ts';
import { LederrumError } from '../errors.ts';
import type { Instrument } from '../polls/instrument.ts';

export function who5Of(deps: Pick<CoreDeps, 'instruments'>): Instrument {
  const instrument = deps.instruments?.find((i) => i.id === 'who5' && i.scoring === 'who5');
  if (!instrument) throw new LederrumError('NOT_FOUND', 'wellbeing.unavailable');
  return instrument;
}
