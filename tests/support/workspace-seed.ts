// Rows for retention and uninstall tests, written straight into the database so each row's age is
// exact: one leadership group of a workspace with old and recent check-ins, agreements in every
// state, a poll, tool sessions, a WHO-5 of one's own, posts and jobs — something in every table a workspace owns.
import type { PrismaClient } from '../../src/store/generated/client.ts';
import type { AgreementKind, AgreementStatus } from '../../src/core/agreements/model.ts';

export const DAY = 24 * 60 * 60 * 1000;

export interface Seeded {
  userIds: string[];
  groupId: string;
  /** closed 400 days before `now`, closed 10 days before, and still open (opened 500 days before). */
  checkins: { old: string; recent: string; open: string };
  agreements: { oldKept: string; oldStopped: string; oldActive: string; recentKept: string; oldGroupStopped: string };
  pollId: string;
}

export interface SeedPlace {
  platform: 'slack' | 'teams';
  /** "slack:T…" or "teams:<tenant>". */
  workspace: string;
  /** The group's conversation id as the store keeps it. */
  conversationId: string;
  /** Ids of the two members on their platform. */
  people: [string, string];
  /** A prefix that keeps row ids apart between seeds. */
  tag: string;
}

export async function seedWorkspace(prisma: PrismaClient, place: SeedPlace, now: Date): Promise<Seeded> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const { platform, workspace, tag } = place;
  const userIds: string[] = [];
  for (const [i, externalId] of place.people.entries()) {
    const user = await prisma.user.create({ data: { platform, workspace, externalId, displayName: `${tag} person ${i}`, nudgeLevel: i === 0 ? 'light' : 'normal' } });
    userIds.push(user.id);
  }
  const [a, b] = userIds as [string, string];
  await prisma.workspaceRole.create({ data: { userId: a, role: 'hr' } });
  const group = await prisma.group.create({ data: { platform, workspace, conversationId: place.conversationId, name: `${tag} ledere`, language: 'da', timeZone: 'Europe/Copenhagen' } });
  await prisma.membership.createMany({
    data: [
      { groupId: group.id, userId: a, role: 'facilitator' },
      { groupId: group.id, userId: b, role: 'member' },
    ],
  });

  const checkin = async (sequence: number, openedAt: Date, closedAt: Date | null) => {
    const row = await prisma.checkin.create({ data: { groupId: group.id, sequence, status: closedAt ? 'closed' : 'open', openedAt, closedAt } });
    for (const kind of ['since_last', 'take_away'] as const) {
      const round = await prisma.round.create({ data: { checkinId: row.id, kind, status: closedAt ? 'closed' : 'open', openedAt, closedAt, messageRef: `${tag}-${sequence}-${kind}` } });
      for (const userId of userIds) {
        const answer = await prisma.answer.create({
          data: { roundId: round.id, userId, text: `${tag} ${kind} ${sequence}`, createdAt: openedAt, updatedAt: openedAt, replyRef: `${tag}-reply-${sequence}-${kind}-${userId}` },
        });
        await prisma.personPost.create({
          data: { userId, platform, conversationId: place.conversationId, messageRef: `${tag}-reply-${sequence}-${kind}-${userId}`, kind: 'answer', subjectId: answer.id, postedAt: openedAt },
        });
      }
    }
    if (closedAt) await prisma.attendance.createMany({ data: userIds.map((userId) => ({ checkinId: row.id, userId, present: true })) });
    return row.id;
  };
  const checkins = { old: await checkin(1, ago(401), ago(400)), recent: await checkin(2, ago(11), ago(10)), open: await checkin(3, ago(500), null) };

  const agreement = async (kind: AgreementKind, ownerId: string | null, groupId: string | null, status: AgreementStatus, changedDaysAgo: number) => {
    const row = await prisma.agreement.create({
      data: {
        kind,
        text: `${tag} ${kind} ${status}`,
        ownerId,
        groupId,
        visibility: kind === 'group' ? 'group' : 'private',
        status,
        expectedEffort: 2,
        expectedBenefit: 3,
        createdAt: ago(changedDaysAgo + 30),
        updatedAt: ago(changedDaysAgo),
        followUpDate: status === 'active' ? '2099-01-01' : null,
      },
    });
    await prisma.agreementFollowUp.create({ data: { agreementId: row.id, dueDate: '2020-01-01', sentAt: ago(changedDaysAgo + 7), answer: 'kept', answeredAt: ago(changedDaysAgo) } });
    await prisma.agreementEvent.createMany({
      data: [
        { agreementId: row.id, actorId: ownerId ?? a, kind: 'made', at: ago(changedDaysAgo + 30) },
        { agreementId: row.id, actorId: ownerId ?? a, kind: status === 'active' ? 'postponed' : status, at: ago(changedDaysAgo) },
      ],
    });
    await prisma.schedule.create({ data: { kind: 'agreement.followup', subject: row.id, groupId, timeZone: 'UTC', nextAt: null } });
    return row.id;
  };
  const agreements = {
    oldKept: await agreement('personal', a, null, 'kept', 400),
    oldStopped: await agreement('trial', b, null, 'stopped', 366),
    oldActive: await agreement('personal', b, null, 'active', 400),
    recentKept: await agreement('personal', a, null, 'kept', 364),
    oldGroupStopped: await agreement('group', a, group.id, 'stopped', 400),
  };

  const poll = await prisma.poll.create({
    data: { seriesId: `${tag}-series`, title: `${tag} WHO-5`, createdById: a, platform, workspace, audience: [group.id], opensAt: ago(20), closesAt: ago(10), status: 'closed' },
  });
  await prisma.pollParticipant.createMany({ data: userIds.map((userId) => ({ pollId: poll.id, userId, groupId: group.id, answered: true })) });
  await prisma.pollResponse.create({ data: { pollId: poll.id, answers: [3, 4, 5], texts: [] } });
  await prisma.pollPendingResponse.create({ data: { pollId: poll.id, answers: [1, 2, 3], texts: [] } });

  await prisma.toolSession.create({ data: { userId: b, toolId: 'restitution', status: 'active', stepId: 'breaks', answers: { breaks: `${tag} tool` } } });
  // A WHO-5 of b's own, old enough for any retention period (kept: it is their trend), and its monthly reminder.
  await prisma.wellbeingEntry.create({ data: { userId: b, workspace, takenAt: ago(400), answers: [3, 3, 2, 3, 3], index: 56 } });
  await prisma.schedule.create({ data: { kind: 'wellbeing.reminder', subject: b, cron: '0 9 * * 1#1', timeZone: 'Europe/Copenhagen', nextAt: new Date(now.getTime() + 3 * DAY) } });
  const opening = await prisma.schedule.create({
    data: { kind: 'checkin.open', subject: group.id, groupId: group.id, cron: '0 9 * * 1', timeZone: 'Europe/Copenhagen', nextAt: new Date(now.getTime() + 3 * DAY) },
  });
  await prisma.occurrence.create({ data: { scheduleId: opening.id, at: ago(7), status: 'sent', claimedBy: 'seed', claimedAt: ago(7) } });
  await prisma.schedule.create({ data: { kind: 'prompt.weekly', subject: b, cron: '0 9 * * 1', timeZone: 'Europe/Copenhagen', nextAt: new Date(now.getTime() + 3 * DAY) } });
  await prisma.schedule.create({ data: { kind: 'poll.remind.person', subject: `${poll.id}:${b}`, timeZone: 'UTC', nextAt: null, payload: { pollId: poll.id, personId: b } } });
  // A poll's invitations on their way (one settled, one waiting), with HR's report, and a pacing lane.
  const batch = await prisma.outboxBatch.create({ data: { kind: 'poll.invitations', subject: `poll.invite:${poll.id}`, title: poll.title, workspace, reportToId: a, total: 2, createdAt: ago(20) } });
  for (const [i, personId] of userIds.entries()) {
    await prisma.outboxMessage.create({
      data: {
        key: `poll.invite:${poll.id}|${personId}`,
        workspace,
        platform,
        personId,
        batchId: batch.id,
        lane: `${platform}|${workspace}|${place.people[i]}`,
        pool: `${platform}|${workspace}`,
        position: i,
        state: i === 0 ? 'sent' : 'pending',
        message: i === 0 ? undefined : { text: `${tag} invitation`, blocks: [] },
        notBefore: ago(20),
        deadline: ago(10),
        createdAt: ago(20),
        settledAt: i === 0 ? ago(20) : null,
      },
    });
  }
  await prisma.outboxLane.upsert({ where: { lane: `${platform}|${workspace}` }, create: { lane: `${platform}|${workspace}`, nextAt: ago(20) }, update: {} });
  return { userIds, groupId: group.id, checkins, agreements, pollId: poll.id };
}

/** Every model of the schema, as its Prisma delegate's name. */
export function delegateOf(model: string): string {
  return model[0]!.toLowerCase() + model.slice(1);
}

/** Row counts of every table, by model name. */
export async function countAll(prisma: PrismaClient, models: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of models) counts[model] = await (prisma as unknown as Record<string, { count(): Promise<number> }>)[delegateOf(model)]!.count();
  return counts;
}
