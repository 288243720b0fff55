// What the three drivers share: the cast with platform-safe ids, finding a button, waiting, and
// reading every word out of a platform's payload.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Button, Cast, FormField, Group, Person, ShownForm, Values, Where } from '../driver.ts';

export interface CastMember extends Person {
  admin: boolean;
  /** Upper-case letters and digits, unique in the cast: "MIAHOLM", "CARLJENSEN2". */
  key: string;
}

/** Everyone in the cast, with a key each; the same name twice gets a number, as two people may share a name. */
export function castMembers(cast: Cast): CastMember[] {
  const used = new Map<string, number>();
  return cast.workspaces.flatMap((people, workspace) =>
    people.map(({ name, admin }) => {
      const base = name
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]/g, '')
        .toUpperCase();
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      return { name, workspace, admin: admin ?? false, key: count === 1 ? base : `${base}${count}` };
    }),
  );
}

/** The cast member by name (and workspace, where the name is in both). */
export function findMember<T extends Person>(members: readonly T[], name: string, workspace?: number): T {
  const found = members.filter((m) => m.name === name && (workspace === undefined || m.workspace === workspace));
  if (found.length !== 1) throw new Error(`${found.length === 0 ? 'nobody' : 'more than one person'} called ${name}${workspace === undefined ? '' : ` in workspace ${workspace}`} in the cast`);
  return found[0]!;
}

/** The member of the cast a Person stands for (people are compared as the driver handed them out). */
export function memberOf<T extends Person>(members: readonly T[], person: Person): T {
  const found = members.find((m) => m === person) ?? members.find((m) => m.name === person.name && m.workspace === person.workspace);
  if (!found) throw new Error(`${person.name} is not in the cast`);
  return found;
}

export function pickButton(buttons: Button[], wanted: string): Button {
  const button = buttons.find((b) => b.label === wanted) ?? buttons.find((b) => b.action === wanted);
  if (!button) throw new Error(`no button "${wanted}" (there are: ${buttons.map((b) => `${b.label} [${b.action}]`).join(', ') || 'none'})`);
  return button;
}

/** The group a Where names for this person: a Group as given, 'group' their only group. */
export function groupOf(groups: readonly Group[], person: Person, where: Exclude<Where, 'private'>): Group {
  if (where !== 'group') return where;
  const theirs = groups.filter((g) => g.members.includes(person));
  if (theirs.length !== 1) throw new Error(`${person.name} is in ${theirs.length} groups: say which`);
  return theirs[0]!;
}

/** Refuses values for fields the form does not have: a scenario that names a wrong field should hear of it on every platform. */
export function checkValues(form: ShownForm, values: Values): void {
  const unknown = Object.keys(values).filter((id) => !form.fields.some((f: FormField) => f.id === id));
  if (unknown.length > 0) throw new Error(`the form ${form.formId} has no field ${unknown.join(', ')} (it has ${form.fields.map((f) => f.id).join(', ')})`);
}

/** Every string in a payload (text, labels, initial values, card data), one per line: what a person could read. */
export function allStrings(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return out.join('\n');
}

export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Waits until `count` has not changed for `quietMs` (the app has stopped talking to the platform). */
export async function quiet(count: () => number, quietMs = 200, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = count();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await sleep(25);
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}
