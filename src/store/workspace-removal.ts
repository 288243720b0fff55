// Deletes what Lederrum keeps of a workspace after an uninstall (issue 15, point 4): one rule per
// table of the schema, register and NOT_PERSONAL alike, so a new table does not compile until it
// says what an uninstall does with it. People of the workspace go first, each by the very rules of
// "delete my data" (personal-delete.ts); then what belonged to the workspace's groups and polls.
// Everything is selected by the workspace (or, on Teams, the team's channels): never wider.
import type { Platform } from '../core/model/domain.ts';
import type { RemovalCounts, RemovalTarget } from '../core/people/retention-model.ts';
import type { NOT_PERSONAL, PerPersonalTable } from './personal-data.ts';
import { deletePersonRows, type Forgotten, type Tx } from './personal-delete.ts';

/** What one removal is about, worked out once before anything is deleted. */
interface Doomed {
  target: RemovalTarget;
  people: Forgotten[];
  groupIds: string[];
  /** The group conversations of those groups (where the bot's posts about people are). */
  conversationIds: string[];
  pollIds: string[];
  agreementIds: string[];
  teamsConversationIds: string[];
}

type Rule = (tx: Tx, doomed: Doomed) => Promise<number>;
type Rules = PerPersonalTable<Rule> & { [T in keyof typeof NOT_PERSONAL]: Rule };

/** The part after "slack:" / "teams:": the Slack team (or org) id, the Teams tenant id. */
const keyOfWorkspace = (workspace: string) => workspace.slice(workspace.indexOf(':') + 1);

async function doomedOf(tx: Tx, target: RemovalTarget): Promise<Doomed> {
  const { platform, workspace, scope } = target;
  let teamsConversationIds: string[] = [];
  let groupWhere: { workspace: string; platform: Platform; conversationId?: { in: string[] } } = { workspace, platform };
  if (platform === 'teams') {
    // A team's removal reaches the team's channels only; the tenant's people and other teams stay.
    const where = scope === '' ? { tenantId: keyOfWorkspace(workspace) } : { OR: [{ teamId: scope }, { id: scope }] };
    teamsConversationIds = (await tx.teamsConversation.findMany({ where, select: { id: true } })).map((c) => c.id);
    if (scope !== '') groupWhere = { ...groupWhere, conversationId: { in: teamsConversationIds } };
  }
  const groups = await tx.group.findMany({ where: groupWhere, select: { id: true, conversationId: true } });
  const groupIds = groups.map((g) => g.id);
  const people = scope === '' ? await tx.user.findMany({ where: { workspace, platform }, select: { id: true, platform: true, externalId: true } }) : [];
  const polls = await tx.poll.findMany({ where: { workspace, platform }, select: { id: true, audience: true } });
  // Within a team, a poll goes only when every group it went to goes.
  const inScope = (audience: unknown) => scope === '' || (Array.isArray(audience) && audience.length > 0 && audience.every((g) => groupIds.includes(String(g))));
  const agreements = await tx.agreement.findMany({ where: { OR: [{ groupId: { in: groupIds } }, { ownerId: { in: people.map((p) => p.id) } }] }, select: { id: true } });
  return {
    target,
    people,
    groupIds,
    conversationIds: groups.map((g) => g.conversationId),
    pollIds: polls.filter((p) => inScope(p.audience)).map((p) => p.id),
    agreementIds: agreements.map((a) => a.id),
    teamsConversationIds,
  };
}

/** Jobs about the doomed groups, agreements and polls (a person's own went with the person). */
function doomedSchedules(d: Doomed) {
  return {
    OR: [{ groupId: { in: d.groupIds } }, { subject: { in: [...d.agreementIds, ...d.pollIds] } }, ...d.pollIds.map((id) => ({ subject: { startsWith: `${id}:` } }))],
  };
}

// Run in the order written: people first, children before parents, so every count is real.
const RULES: Rules = {
  async User(tx, d) {
    for (const person of d.people) await deletePersonRows(tx, person);
    return d.people.length;
  },
  WorkspaceRole: async () => 0, // went with each person
  ToolSession: async () => 0, // went with each person
  WellbeingEntry: async () => 0, // went with each person
  async Occurrence(tx, d) {
    return (await tx.occurrence.deleteMany({ where: { schedule: doomedSchedules(d) } })).count;
  },
  async Schedule(tx, d) {
    return (await tx.schedule.deleteMany({ where: doomedSchedules(d) })).count;
  },
  // The workspace's messages still on their way, and its fan-outs (a team removal keeps the tenant's people and theirs).
  async OutboxMessage(tx, d) {
    if (d.target.scope) return 0;
    return (await tx.outboxMessage.deleteMany({ where: { workspace: d.target.workspace } })).count;
  },
  async OutboxBatch(tx, d) {
    if (d.target.scope) return 0;
    return (await tx.outboxBatch.deleteMany({ where: { workspace: d.target.workspace } })).count;
  },
  // The workspace's pacing lanes name its conversations and people ("slack|slack:T…|U…").
  async OutboxLane(tx, d) {
    if (d.target.scope) return 0;
    const pool = `${d.target.platform}|${d.target.workspace}`;
    return (await tx.outboxLane.deleteMany({ where: { OR: [{ lane: pool }, { lane: { startsWith: `${pool}|` } }] } })).count;
  },
  // Posts in the groups' conversations that name people who stay (a team removal keeps the tenant's people).
  async PersonPost(tx, d) {
    return (await tx.personPost.deleteMany({ where: { platform: d.target.platform, conversationId: { in: d.conversationIds } } })).count;
  },
  async AgreementFollowUp(tx, d) {
    return (await tx.agreementFollowUp.deleteMany({ where: { agreementId: { in: d.agreementIds } } })).count;
  },
  async AgreementEvent(tx, d) {
    return (await tx.agreementEvent.deleteMany({ where: { agreementId: { in: d.agreementIds } } })).count;
  },
  async Agreement(tx, d) {
    return (await tx.agreement.deleteMany({ where: { id: { in: d.agreementIds } } })).count;
  },
  async PollResponse(tx, d) {
    return (await tx.pollResponse.deleteMany({ where: { pollId: { in: d.pollIds } } })).count;
  },
  async PollPendingResponse(tx, d) {
    return (await tx.pollPendingResponse.deleteMany({ where: { pollId: { in: d.pollIds } } })).count;
  },
  async PollParticipant(tx, d) {
    return (await tx.pollParticipant.deleteMany({ where: { pollId: { in: d.pollIds } } })).count;
  },
  async Poll(tx, d) {
    return (await tx.poll.deleteMany({ where: { id: { in: d.pollIds } } })).count;
  },
  async Answer(tx, d) {
    return (await tx.answer.deleteMany({ where: { round: { checkin: { groupId: { in: d.groupIds } } } } })).count;
  },
  async Attendance(tx, d) {
    return (await tx.attendance.deleteMany({ where: { checkin: { groupId: { in: d.groupIds } } } })).count;
  },
  async Round(tx, d) {
    return (await tx.round.deleteMany({ where: { checkin: { groupId: { in: d.groupIds } } } })).count;
  },
  async Checkin(tx, d) {
    return (await tx.checkin.deleteMany({ where: { groupId: { in: d.groupIds } } })).count;
  },
  async Membership(tx, d) {
    return (await tx.membership.deleteMany({ where: { groupId: { in: d.groupIds } } })).count;
  },
  async Group(tx, d) {
    return (await tx.group.deleteMany({ where: { id: { in: d.groupIds } } })).count;
  },
  async TeamsConversation(tx, d) {
    return (await tx.teamsConversation.deleteMany({ where: { id: { in: d.teamsConversationIds } } })).count;
  },
  // The playground is one workspace: its whole chat goes with it.
  async PlaygroundMessage(tx, d) {
    return d.target.platform === 'playground' ? (await tx.playgroundMessage.deleteMany({})).count : 0;
  },
  async PlaygroundConversation(tx, d) {
    return d.target.platform === 'playground' ? (await tx.playgroundConversation.deleteMany({})).count : 0;
  },
  // Usually gone at the uninstall already (a revoked token is useless); removed again for certain.
  async SlackInstallation(tx, d) {
    if (d.target.platform !== 'slack' || d.target.scope !== '') return 0;
    return (await tx.slackInstallation.deleteMany({ where: { id: keyOfWorkspace(d.target.workspace) } })).count;
  },
  // Event ids name no workspace and hold nothing of it: nothing to select, nothing to delete.
  InboundDelivery: async () => 0,
  // The removal's own row stays as the record that it ran (the caller marks it done).
  DataRemoval: async () => 0,
};

export async function removeWorkspaceRows(tx: Tx, target: RemovalTarget): Promise<RemovalCounts> {
  const doomed = await doomedOf(tx, target);
  const counts: RemovalCounts = {};
  for (const [table, rule] of Object.entries(RULES) as Array<[string, Rule]>) {
    const n = await rule(tx, doomed);
    if (n > 0) counts[table] = n;
  }
  return counts;
}
