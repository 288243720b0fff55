// Two groups side by side for the forged-value tests. Nord (Danish): Anna facilitates, Bo is a
// member; check-in #1 is closed and #2 open. Syd (English): Carl facilitates, Dorte is a member;
// its check-in is in the closing round, with Dorte's private takeaway. Each group has a group
// agreement whose follow-up is posted in its channel; Bo and Dorte each have a private agreement
// and a finished guided tool. Anything one group or person owns is what the other tries to name.
import type { Place } from '../../src/core/model/events.ts';
import { loadContent } from '../../src/content-loader/load.ts';
import { buttonsOf, createGroup, direct, latestRound, type Harness, type Name } from './flow-harness.ts';

export interface World {
  ids: Record<Name, string>;
  nord: { id: string; place: Place; oldSinceRound: string; oldTakeRound: string; sinceRound: string; agreement: string; followUp: string; followUpRef: string; saveValue: string };
  syd: { id: string; place: Place; sinceRound: string; takeRound: string; agreement: string; followUp: string };
  boPersonal: string;
  dortePersonal: string;
  tools: { bo: string; dorte: string; firstStep: string };
}

const TOOL = 'own-wellbeing';

export async function seedWorld(h: Harness): Promise<World> {
  const nordPlace = (await createGroup(h, 'Nord', 'da', ['bo'])).place;
  for (const who of ['carl', 'dorte'] as const) await h.say(who, 'help', direct(who));
  const ids = { anna: '', bo: '', carl: '', dorte: '' } satisfies Record<Name, string>;
  for (const who of Object.keys(ids) as Name[]) ids[who] = (await h.person(who)).id;
  await h.submit('carl', 'group.create', '', { name: 'Syd', language: 'en', time_zone: 'Europe/Copenhagen', members: [ids.dorte] }, direct('carl'));
  const nordGroup = await h.prisma.group.findFirstOrThrow({ where: { name: 'Nord' } });
  const sydGroup = await h.prisma.group.findFirstOrThrow({ where: { name: 'Syd' } });
  const sydPlace: Place = { conversationId: sydGroup.conversationId, kind: 'group' };

  // Nord: check-in #1 from start to close, then #2 opened.
  await h.say('anna', 'tjekind start', nordPlace);
  const oldSinceRound = latestRound(h, nordPlace).roundId;
  await h.submit('bo', 'round.answer', oldSinceRound, { answer: 'Travlt' }, direct('bo'));
  await h.say('anna', 'tjekind afrunding', nordPlace);
  const oldTakeRound = latestRound(h, nordPlace).roundId;
  await h.submit('bo', 'round.answer', oldTakeRound, { answer: 'BO-TAKEAWAY', share: false }, direct('bo'));
  await h.say('anna', 'tjekind afslut', nordPlace);
  await h.say('anna', 'tjekind start', nordPlace);
  const sinceRound = latestRound(h, nordPlace).roundId;

  // Syd: in its closing round, with Dorte's private takeaway.
  await h.say('carl', 'checkin start', sydPlace);
  const sydSince = latestRound(h, sydPlace).roundId;
  await h.say('carl', 'checkin closing', sydPlace);
  const sydTake = latestRound(h, sydPlace).roundId;
  await h.submit('dorte', 'round.answer', sydTake, { answer: 'DORTE-TAKEAWAY', share: false }, direct('dorte'));

  const make = async (who: Name, groupId: string, text: string, kind: 'personal' | 'group'): Promise<string> => {
    const values = { kind, text, group: groupId, visibility: kind === 'group' ? 'group' : 'private', follow_up: 'om 1 uge', repeat: '0', effort: '2', benefit: '4' };
    await h.submit(who, 'agreement.make', 'direct', values, direct(who));
    return (await h.prisma.agreement.findFirstOrThrow({ where: { text } })).id;
  };
  const followUp = async (agreementId: string) => {
    const agreement = await h.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    await h.bot.runJob({ kind: 'agreement.followup', subject: agreementId, groupId: agreement.groupId, payload: { dueDate: agreement.followUpDate }, at: h.clock.now() });
    const sent = await h.prisma.agreementFollowUp.findFirstOrThrow({ where: { agreementId } });
    if (!sent.messageRef) throw new Error('the follow-up was not posted in its group');
    return sent;
  };
  const nordAgreement = await make('anna', nordGroup.id, 'NORD-SHARED', 'group');
  const sydAgreement = await make('carl', sydGroup.id, 'SYD-SHARED', 'group');
  const nordFollowUp = await followUp(nordAgreement);
  const sydFollowUp = await followUp(sydAgreement);

  const tool = loadContent().tools.find((t) => t.id === TOOL)!;
  const agreementStep = tool.steps.find((s) => s.kind === 'agreement')!.id;
  const finished = async (who: Name, text: string) =>
    (await h.store.saveToolSession({ personId: ids[who], toolId: TOOL, stepId: null, answers: { [agreementStep]: text }, status: 'done', at: h.clock.now() })).id;

  const preview = await h.submit('anna', 'schedule.plan', nordGroup.id, { open: 'hver mandag kl. 9', close: '', holidays: false, skip_days: '' }, direct('anna'));
  const saveValue = preview.kind === 'message' ? buttonsOf(preview.message).find((b) => b.action === 'schedule.save')?.value : undefined;
  if (!saveValue) throw new Error(`no plan preview: ${JSON.stringify(preview)}`);

  return {
    ids,
    nord: { id: nordGroup.id, place: nordPlace, oldSinceRound, oldTakeRound, sinceRound, agreement: nordAgreement, followUp: nordFollowUp.id, followUpRef: nordFollowUp.messageRef!, saveValue },
    syd: { id: sydGroup.id, place: sydPlace, sinceRound: sydSince, takeRound: sydTake, agreement: sydAgreement, followUp: sydFollowUp.id },
    boPersonal: await make('bo', nordGroup.id, 'BO-PRIVATE', 'personal'),
    dortePersonal: await make('dorte', sydGroup.id, 'DORTE-PRIVATE', 'personal'),
    tools: { bo: await finished('bo', 'BO-TOOL'), dorte: await finished('dorte', 'DORTE-TOOL'), firstStep: tool.steps[0]!.id },
  };
}
