// Issue 20, point 4, through the real botbuilder + teams-ai stack: a channel message reaches
// Lederrum only with an @mention, so every hint to type a command says "@Lederrum …"; a hint
// typed as shown in the personal chat works there too. Nothing Lederrum sends carries
// formatting Teams does not render (backticks, single-star bold) or lines Teams runs together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENTION } from '../../adapters/teams/text.ts';
import { unrendered } from '../i18n/sweep-checks.ts';
import { shownOnTeams } from '../i18n/sweep-platforms.ts';
import { CHANNEL, JONAS, MIA, SARA, personalChatId, roundPostIn, setUpGroup, startTeamsWorld, textOf, type TeamsWorld } from './harness.ts';

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld();
  await setUpGroup(world, [MIA, JONAS, SARA]);
}, 60_000);
afterAll(async () => world?.close());

describe('command hints on Teams', () => {
  it('tell the facilitator to write the next command with the @mention', async () => {
    const started = Date.now();
    await world.say(MIA, 'tjekind start', 'channel');
    const told = await world.fake.waitFor(() => world.fake.sent(personalChatId(MIA)).find((r) => r.at >= started && textOf(r.activity).includes('Tjek-ind #1 er startet')));
    const shown = shownOnTeams(told.activity)
      .map((s) => s.text)
      .join('\n');
    expect(shown).toContain(`**${MENTION} tjekind afrunding**`);
    expect(shown).not.toContain('`');
  });

  it('work typed as shown in the personal chat, where Teams sends no mention', async () => {
    await world.say(MIA, `${MENTION} tjekind afrunding`, 'personal');
    expect(await world.fake.waitFor(() => roundPostIn(world, 1, 'Hvad tager jeg med mig?'))).toBeDefined();
  });

  it('help lists every command with the mention, each on its own line', async () => {
    const started = Date.now();
    await world.say(JONAS, 'hjælp', 'personal');
    const help = await world.fake.waitFor(() => world.fake.sent(personalChatId(JONAS)).find((r) => r.at >= started && textOf(r.activity).includes('tjek-ind for ledergrupper')));
    const shown = shownOnTeams(help.activity);
    const lines = shown.flatMap((s) => s.text.split('\n\n'));
    expect(lines).toContain(`**${MENTION} tjekind start** – åbn runden Siden sidst`);
    expect(lines).toContain(`**${MENTION} hjælp** – denne oversigt`);
    expect(shown.flatMap(unrendered)).toEqual([]);
  });

  it('and nothing Lederrum sent in the whole walk has formatting Teams shows as characters', () => {
    const sent = world.fake.recorded.filter((r) => r.op !== 'delete');
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.some((r) => r.conversationId === CHANNEL)).toBe(true);
    const problems = sent.flatMap((r) => shownOnTeams(r.activity).flatMap((s) => unrendered(s).map((p) => `${p}: ${s.text.slice(0, 80)}`)));
    expect(problems).toEqual([]);
  });
});
