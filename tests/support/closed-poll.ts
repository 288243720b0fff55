// A closed WHO-5-shaped poll in a store, answered by five people alike (each item 3: index 60),
// for tests that need results to show and nothing more of a poll's life.
import { workspaceOf } from '../../src/core/model/domain.ts';
import type { Poll } from '../../src/core/polls/model.ts';
import type { Store } from '../../src/core/ports.ts';

export async function closedPollOfFive(store: Store, options: { instrumentId: string; prefix: string; at: Date; language?: 'da' | 'en' }): Promise<Poll> {
  const { instrumentId, prefix, at } = options;
  const workspace = workspaceOf('playground');
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await store.upsertPerson({ platform: 'playground', workspace, externalId: `${prefix}-${i}`, displayName: `P${i}` }));
  const group = await store.createGroup({
    platform: 'playground',
    workspace,
    conversationId: `C-${prefix}`,
    name: 'G',
    language: options.language ?? 'en',
    timeZone: 'UTC',
    facilitatorId: people[0]!.id,
    memberIds: people.slice(1).map((p) => p.id),
  });
  const poll = await store.createPoll(
    {
      title: 'Copy',
      instrumentId,
      questions: [],
      createdById: null,
      platform: 'playground',
      workspace,
      audience: [group.id],
      opensAt: at,
      closesAt: new Date(at.getTime() + 86_400_000),
      reminders: 0,
      shareWithGroups: false,
      threshold: 3,
      continues: null,
    },
    people.map((p) => ({ personId: p.id, groupId: group.id })),
    at,
  );
  await store.setPollStatus(poll.id, 'scheduled', 'open');
  for (const p of people) await store.submitPollAnswer(poll.id, p.id, { answers: [3, 3, 3, 3, 3], texts: [], score: 60, flagged: false });
  await store.setPollStatus(poll.id, 'open', 'closed');
  await store.mixPollAnswers(poll.id, 0);
  return { ...poll, status: 'closed' };
}
