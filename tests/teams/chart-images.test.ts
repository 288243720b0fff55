// Charts as pictures in Teams (issue 19, point 2), through botbuilder + teams-ai against the fake
// Bot Connector, behind a public HTTPS address: HR closes a poll shared with the group, and the
// results card HR gets and the one posted to the channel show an Adaptive Card Image per question
// chart, with its figures as alt text; the app serves the picture at the linked path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL, JONAS, MIA, SARA, actionsOf, cardElements, personalChatId, setUpGroup, startTeamsWorld, type TeamsWorld, latestIn } from './harness.ts';
import { pngSize } from '../support/png.ts';

const PUBLIC = 'https://lederrum.example.org/';
type CardImage = { type: 'Image'; url: string; altText: string; width: string };

const imagesOf = (activity: unknown): CardImage[] => cardElements(activity, (node) => node.type === 'Image');

let world: TeamsWorld;
beforeAll(async () => {
  world = await startTeamsWorld({ env: { ADMINS: `teams:${MIA.id}`, PUBLIC_URL: PUBLIC } });
  await setUpGroup(world);
}, 60_000);
afterAll(async () => world?.close());

const latest = (conversationId: string, contains: string, after: number) => latestIn(world, conversationId, contains, after);

describe('chart pictures in Teams', () => {
  it("shows HR and the group an Image of the question's chart, served by the app", async () => {
    const started = Date.now();
    const mine = { conversationId: personalChatId(MIA) };
    await world.say(MIA, 'hr tildel Mia Holm');
    await latest(personalChatId(MIA), 'Mia Holm har nu HR-rollen', started);
    await world.say(MIA, 'måling');
    const form = await latest(personalChatId(MIA), 'Ny måling', started);
    const group = await world.app.database.prisma.group.findFirstOrThrow();
    await world.submit(MIA, { ...mine, replyToId: form.activityId }, actionsOf(form.activity).find((a) => a.data.kind === 'form')!.data, {
      title: 'Puls',
      template: 'own',
      questions: 'enig: Jeg har overskud i hverdagen',
      audience: group.id,
      opens: 'nu',
      closes: 'om 1 uge',
      reminders: '0',
      threshold: '3',
      continues: '',
      share: 'true',
    });
    for (const person of [MIA, JONAS, SARA]) {
      const chat = personalChatId(person);
      const invitation = await latest(chat, 'Kort måling', started);
      await world.submit(person, { conversationId: chat, replyToId: invitation.activityId }, actionsOf(invitation.activity).find((a) => a.data.action === 'poll.answer')!.data);
      const questions = await latest(chat, 'Send mine svar', started);
      await world.submit(person, { conversationId: chat, replyToId: questions.activityId }, actionsOf(questions.activity).find((a) => a.data.kind === 'form')!.data, { q0: '4' });
    }
    await world.say(MIA, 'målinger');
    const list = await latest(personalChatId(MIA), 'Luk nu', started);
    await world.submit(MIA, { ...mine, replyToId: list.activityId }, actionsOf(list.activity).find((a) => a.data.action === 'poll.close_now')!.data);

    const results = await latest(personalChatId(MIA), 'Resultater: Puls', started);
    const [image] = imagesOf(results.activity);
    expect(image).toMatchObject({ type: 'Image', width: '640px', msteams: { allowExpand: true } });
    expect(image!.url.startsWith(`${PUBLIC}charts/`)).toBe(true);
    // All three answered alike: every cell is hidden, and the picture's words say so as the text would.
    expect(image!.altText).toContain('Jeg har overskud i hverdagen. 3 svar');
    expect(image!.altText).toContain('Enig: – (skjult for at beskytte enkeltes svar)');
    const shared = await latest(CHANNEL, 'Resultater: Puls', started);
    expect(imagesOf(shared.activity).map((i) => i.altText)).toEqual([image!.altText]);
    // Behind the proxy the public path reaches the app: a PNG of the chart at twice its size.
    const picture = await fetch(new URL(new URL(image!.url).pathname, world.app.url));
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await picture.arrayBuffer())).width).toBe(1280);
  });
});
