// The tool library in Slack: `/lederrum værktøj 1` opens the first step in a modal at once,
// each submission answers with the next step in the same modal, and a pause keeps the place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIA, startSlackWorld, type SlackWorld } from './harness.ts';

let world: SlackWorld;
beforeAll(async () => {
  world = await startSlackWorld();
}, 60_000);
afterAll(async () => world?.close());

describe('guided tools in Slack', () => {
  it('walks the steps in one modal, and resumes a paused tool where it stopped', async () => {
    await world.slash(MIA, 'værktøj 1', 'DMIA');
    const first = await world.nextForm(MIA);
    expect(world.textOf(first.view.blocks)).toContain('Trin 1 af');
    const select = (first.view.blocks as Array<{ block_id?: string; element?: { options?: Array<{ value: string }> } }>).find((b) => b.block_id === 'answer')!;
    const toSecond = await world.submit(MIA, first, { answer: select.element!.options![0]!.value });
    expect(toSecond.json.response_action).toBe('update');
    expect(world.textOf(toSecond.json.view.blocks)).toContain('Trin 2 af');

    const second = { ...first, view: { ...toSecond.json.view, id: first.id } };
    const paused = await world.submit(MIA, second, { answer: 'Jeg springer frokosten over.', pause: true });
    expect(world.textOf(paused.json.view.blocks)).toContain('når du vil fortsætte');

    await world.slash(MIA, 'værktøj 1', 'DMIA');
    const resumed = await world.nextForm(MIA);
    const text = world.textOf(resumed.view.blocks);
    expect(text).toContain('Velkommen tilbage');
    expect(text).toContain('Jeg springer frokosten over.');
  });

  it('answers an unknown tool with the names of the tools, only to the person', async () => {
    await world.slash(MIA, 'værktøj 7', 'DMIA');
    const shown = await world.fake.waitFor(() => [...world.fake.views.values()].find((v) => v.userId === MIA.id && JSON.stringify(v.view.blocks).includes('værktøjerne hedder')));
    expect(shown.view.type).toBe('modal');
    expect(shown.view.callback_id).not.toBe('lederrum_form');
  });
});
