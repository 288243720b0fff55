// Which group conversations a person facilitates, for a platform that renders a message per viewer
// (the playground): there the facilitator's buttons and shortcuts are shown to them alone. Read
// only: looking at a page must not create or refresh anyone's row (a person who asked to be
// forgotten stays forgotten until they act again).
import type { Actor } from '../model/events.ts';
import type { Store } from '../ports.ts';

export async function facilitatedConversations(store: Store, actor: Actor): Promise<ReadonlySet<string>> {
  const person = (await store.listPeople(actor.workspace)).find((p) => p.platform === actor.platform && p.externalId === actor.externalId);
  if (!person) return new Set();
  const groups = await store.groupsOf(person.id);
  const memberships = await store.membershipsOf(groups.map((g) => g.id));
  const facilitates = (groupId: string) => (memberships.get(groupId) ?? []).some((m) => m.person.id === person.id && m.role === 'facilitator');
  return new Set(groups.filter((g) => facilitates(g.id)).map((g) => g.conversationId));
}
