// The bot's own posts that carry a person's words or name: recorded where they are posted, and
// rewritten on the platform when the person's data is deleted (their words become a neutral
// "deleted" line; a summary or a group's post is shown again without their name).
import { errorForLog } from '../errors.ts';
import type { Language, Person } from '../model/domain.ts';
import type { Message } from '../model/messages.ts';
import { plainText, textMessage } from '../model/messages.ts';
import { listNames, translator } from '../i18n/translate.ts';
import type { CoreDeps } from '../context.ts';
import { summaryMessage } from '../checkins/messages.ts';
import { summaryContent } from '../checkins/rules.ts';
import { answeredFollowUpMessage } from '../agreements/messages.ts';
import type { PersonPostKind, PersonPostRecord } from './forget-model.ts';

/** Records a post that shows the person's words or name, so deleting their data can edit it. */
export async function recordPost(
  deps: CoreDeps,
  person: Pick<Person, 'id' | 'platform'>,
  post: { conversationId: string; messageRef: string; kind: PersonPostKind; subjectId: string },
): Promise<void> {
  await deps.store.recordPersonPost({ personId: person.id, platform: person.platform, ...post, postedAt: deps.clock.now() });
}

export interface Rewritten {
  total: number;
  edited: number;
}

/**
 * Edits every recorded post of the person. Editing is idempotent and runs before the deletion's
 * transaction: if the process dies in between, the PersonPost rows are still there and a second
 * confirmation edits the same posts again and deletes. A post that cannot be edited (deleted
 * meanwhile, an archived channel) is logged without its content and does not stop the deletion.
 */
export async function rewritePosts(deps: CoreDeps, person: Person): Promise<Rewritten> {
  const posts = await deps.store.personPosts(person.id);
  let edited = 0;
  for (const post of posts) {
    try {
      const message = await replacement(deps, person, post);
      await deps.deliverer.update({ platform: post.platform, conversationId: post.conversationId }, post.messageRef, message);
      edited += 1;
    } catch (error) {
      deps.logger.warn('a post of a person being forgotten could not be edited', { kind: post.kind, platform: post.platform, ...errorForLog(error) });
    }
  }
  return { total: posts.length, edited };
}

/** What the post shows once the person is gone. */
async function replacement(deps: CoreDeps, person: Person, post: PersonPostRecord): Promise<Message> {
  const { store } = deps;
  const group = await store.findGroupByConversation(post.platform, post.conversationId);
  const language: Language = group?.language ?? deps.defaultLanguage;
  const t = translator(language);
  const deleted = textMessage(t('forget.post.deleted'));
  switch (post.kind) {
    case 'answer':
    case 'tool_share':
      return deleted;
    case 'summary': {
      // Summaries keep no name: shown again from what is left once the person's rows are gone.
      const source = await store.checkinSummarySource(post.subjectId);
      if (!source) return deleted;
      const others = <T extends { personId: string }>(rows: T[]) => rows.filter((row) => row.personId !== person.id);
      const content = summaryContent(others(source.answers), others(source.attendance));
      const names = new Map((await store.people([...new Set([...content.present, ...content.shared.map((s) => s.personId)])])).map((p) => [p.id, p.displayName]));
      return summaryMessage(source.group, { sequence: source.sequence }, content, (id) => names.get(id) ?? '?');
    }
    case 'follow_up': {
      // The group's agreement stays; who answered its follow-up does not.
      const followUp = await store.followUp(post.subjectId);
      const agreement = followUp ? await store.agreement(followUp.agreementId) : null;
      if (!followUp?.answer || agreement?.kind !== 'group') return deleted;
      return answeredFollowUpMessage(language, agreement, followUp.answer, t('forget.post.a_member'));
    }
    case 'agreement': {
      // A group agreement stays with the group, without its proposer; a shared personal one goes.
      const agreement = await store.agreement(post.subjectId);
      if (agreement?.kind !== 'group') return deleted;
      const blocks = [{ type: 'section' as const, title: t('forget.post.group_agreement'), text: agreement.text }];
      return { text: plainText(blocks), blocks };
    }
    case 'notice': {
      // A welcome lists the group's members: shown again with those who are members now, but
      // for the person. A membership change ("X joined") becomes a notice without names.
      if (!group) return deleted;
      if (!post.subjectId.startsWith('welcome:')) return textMessage(t('forget.post.members_changed', { group: group.name }));
      const others = (await store.memberships(group.id)).filter((m) => m.person.id !== person.id);
      const names = (role: 'facilitator' | 'member') =>
        listNames(
          language,
          others.filter((m) => m.role === role).map((m) => m.person.displayName),
        ) || '–';
      return textMessage(t('group.welcome', { name: group.name, facilitators: names('facilitator'), members: names('member') }));
    }
  }
}
