// The workspaces migration moves data written before it into the one workspace it belongs to:
// Slack rows by the team in their scoped ids, Teams rows by the tenant their conversations
// remember, playground rows into the playground, polls into their creator's workspace. Run on
// both databases, from a database migrated only up to the migration before it.
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../src/store/migrate.ts';
import { engines } from '../support/migration-engines.ts';

const WORKSPACES = '20261201000000_workspaces';

const LEGACY = `
INSERT INTO "User" ("id", "platform", "externalId", "displayName") VALUES
  ('u-slack-a', 'slack', 'TAAA:U1', 'Anna A'),
  ('u-slack-b', 'slack', 'TBBB:U1', 'Anna B'),
  ('u-teams-chat', 'teams', '29:chat', 'Cara'),
  ('u-teams-member', 'teams', '29:member', 'Dan'),
  ('u-teams-lost', 'teams', '29:lost', 'Eva'),
  ('u-play', 'playground', 'UPLAY', 'Finn');
INSERT INTO "TeamsConversation" ("id", "kind", "tenantId", "memberExternalId", "reference") VALUES
  ('a:chat', 'personal', 'tenant-x', '29:chat', '{}'),
  ('19:chan@thread.tacv2', 'channel', 'tenant-y', NULL, '{}');
INSERT INTO "Group" ("id", "platform", "conversationId", "name", "language", "timeZone") VALUES
  ('g-slack', 'slack', 'TAAA:C1', 'Nord', 'da', 'UTC'),
  ('g-teams', 'teams', '19:chan@thread.tacv2', 'Syd', 'da', 'UTC'),
  ('g-play', 'playground', 'C-play', 'Vest', 'da', 'UTC');
INSERT INTO "Membership" ("groupId", "userId", "role") VALUES ('g-teams', 'u-teams-member', 'member');
INSERT INTO "Poll" ("id", "seriesId", "title", "createdById", "platform", "audience", "opensAt", "closesAt") VALUES
  ('p-made', 'p-made', 'Puls', 'u-slack-b', 'slack', '[]', now(), now() + interval '1 day'),
  ('p-orphan', 'p-orphan', 'Puls', NULL, 'teams', '["g-teams"]', now(), now() + interval '1 day');
`;

describe.each(engines)('the workspaces migration on $name', (engine) => {
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => close?.());

  it('places every existing person, group and poll in the one workspace it belongs to', async () => {
    const opened = await engine.open();
    close = opened.close;
    const all = readMigrations();
    const before = all.filter((m) => m.name < WORKSPACES);
    expect(before.length).toBeLessThan(all.length);
    await applyMigrations(opened.runner, before);
    await opened.runner.exec(LEGACY);

    const applied = await applyMigrations(opened.runner, all);
    expect(applied[0]).toBe(WORKSPACES);

    const rows = async (table: string) => Object.fromEntries((await opened.runner.query(`SELECT "id", "workspace" FROM "${table}" ORDER BY "id"`)).map((r) => [r['id'], r['workspace']]));
    expect(await rows('User')).toEqual({
      'u-slack-a': 'slack:TAAA',
      'u-slack-b': 'slack:TBBB',
      'u-teams-chat': 'teams:tenant-x',
      'u-teams-member': 'teams:tenant-y',
      'u-teams-lost': 'teams:unknown',
      'u-play': 'playground',
    });
    expect(await rows('Group')).toEqual({ 'g-slack': 'slack:TAAA', 'g-teams': 'teams:tenant-y', 'g-play': 'playground' });
    expect(await rows('Poll')).toEqual({ 'p-made': 'slack:TBBB', 'p-orphan': 'teams:tenant-y' });
    // New rows must say where they belong: the column has no default to fall back on.
    await expect(opened.runner.exec(`INSERT INTO "Group" ("id", "platform", "conversationId", "name", "language", "timeZone") VALUES ('g-new', 'slack', 'TAAA:C2', 'X', 'da', 'UTC')`)).rejects.toThrow(
      /workspace/,
    );
  });
});
