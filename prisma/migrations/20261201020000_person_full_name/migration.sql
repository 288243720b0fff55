-- A person's full (real) name where the platform keeps one apart from the display name (Slack's
-- real name): `hr tildel Bo Nielsen` must find Bo whatever display name Bo chose. Null where the
-- platform gives only one name.
ALTER TABLE "User" ADD COLUMN "fullName" TEXT;
