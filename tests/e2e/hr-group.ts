// The set-up the poll pages in Chromium share, over the playground's own API: Anna's group of
// five ("Ledergruppen Øst"), and Anna made HR by the admin.
import type { startTestApp } from '../support/app.ts';
import { Playground, type Person } from '../playground/client.ts';

export interface HrGroup {
  pg: Playground;
  people: Record<string, Person>;
  anna: Person;
  groupId: string;
  /** A person's private chat with Lederrum. */
  dm: (person: Person) => string;
}

export async function hrWithGroupOfFive(app: Awaited<ReturnType<typeof startTestApp>>): Promise<HrGroup> {
  const pg = await Playground.connect(app.url);
  const people = Object.fromEntries((await pg.workspace()).people.map((p) => [p.displayName, p])) as Record<string, Person>;
  const anna = people['Anna Holm']!;
  const dm = (person: Person) => `D-${person.externalId}`;
  await pg.createGroup(anna, 'Ledergruppen Øst', ['Bo Nielsen', 'Carl Jensen', 'Dorte Madsen', 'Emma Clarke']);
  await pg.command(anna.externalId, dm(anna), 'hr tildel Anna Holm');
  const group = await app.database.prisma.group.findFirstOrThrow();
  return { pg, people, anna, groupId: group.id, dm };
}
