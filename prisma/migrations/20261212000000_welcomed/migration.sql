-- The welcome in a person's private chat with Lederrum is said once (issue 20, point 1). Slack
-- sends app_home_opened every time the Messages tab is opened, and Teams both a conversationUpdate
-- and an installationUpdate at a personal install, to any replica: the flag is set by whichever
-- update finds it still false, and only that one greets. People known before this migration are
-- greeted once too, the next time they open the chat: the welcome says who sees what, which they
-- were never told in one place.
ALTER TABLE "User" ADD COLUMN "welcomed" BOOLEAN NOT NULL DEFAULT false;
