-- HR's controls over a running poll (issue 14, point 6): a poll can be cancelled (its answers are
-- deleted and no results are ever made), and reminders are planned one moment at a time, so an
-- extended poll knows how many of HR's reminder moments have already passed and never reminds
-- anyone more often than HR chose.

ALTER TABLE "Poll" DROP CONSTRAINT "Poll_status_check";
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_status_check" CHECK ("status" IN ('scheduled', 'open', 'closed', 'cancelled'));

ALTER TABLE "Poll" ADD COLUMN "remindersPlanned" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Poll" ADD CONSTRAINT "Poll_remindersPlanned_check" CHECK ("remindersPlanned" BETWEEN 0 AND "reminders");
