-- Workspaces are walls (ARCHITECTURE rule 10). Every person, group and poll carries the workspace
-- it belongs to: "slack:<team id>", "teams:<tenant id>" or "playground". Reads made on behalf of a
-- person are scoped to their workspace, and roles (HR, admin) hang on a person, so they are per
-- workspace too. Existing rows move into the one workspace they belong to: a Slack id already
-- names its team ("T…:U…", "T…:C…"); a Teams conversation remembers its tenant; the playground is
-- one workspace. What cannot be placed (a Teams person never seen in a conversation with a known
-- tenant) goes to "teams:unknown" and is moved on that person's next event.

ALTER TABLE "Group" ADD COLUMN "workspace" TEXT;
UPDATE "Group" g SET "workspace" = CASE
    WHEN g."platform" = 'slack' THEN 'slack:' || split_part(g."conversationId", ':', 1)
    WHEN g."platform" = 'teams' THEN 'teams:' || COALESCE(
        (SELECT tc."tenantId" FROM "TeamsConversation" tc WHERE tc."id" = g."conversationId" AND tc."tenantId" IS NOT NULL),
        'unknown')
    ELSE 'playground'
END;
ALTER TABLE "Group" ALTER COLUMN "workspace" SET NOT NULL;
CREATE INDEX "Group_workspace_name_idx" ON "Group"("workspace", "name");

ALTER TABLE "User" ADD COLUMN "workspace" TEXT;
UPDATE "User" u SET "workspace" = CASE
    WHEN u."platform" = 'slack' THEN 'slack:' || split_part(u."externalId", ':', 1)
    WHEN u."platform" = 'teams' THEN COALESCE(
        (SELECT 'teams:' || tc."tenantId" FROM "TeamsConversation" tc WHERE tc."memberExternalId" = u."externalId" AND tc."tenantId" IS NOT NULL ORDER BY tc."updatedAt" DESC LIMIT 1),
        (SELECT g."workspace" FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId" WHERE m."userId" = u."id" AND g."workspace" <> 'teams:unknown' ORDER BY m."joinedAt" DESC LIMIT 1),
        'teams:unknown')
    ELSE 'playground'
END;
ALTER TABLE "User" ALTER COLUMN "workspace" SET NOT NULL;
CREATE INDEX "User_workspace_displayName_idx" ON "User"("workspace", "displayName");

ALTER TABLE "Poll" ADD COLUMN "workspace" TEXT;
UPDATE "Poll" p SET "workspace" = COALESCE(
    (SELECT u."workspace" FROM "User" u WHERE u."id" = p."createdById"),
    (SELECT g."workspace" FROM "Group" g WHERE g."id" = (p."audience"->>0)),
    p."platform" || ':unknown');
ALTER TABLE "Poll" ALTER COLUMN "workspace" SET NOT NULL;
CREATE INDEX "Poll_workspace_createdAt_idx" ON "Poll"("workspace", "createdAt");
