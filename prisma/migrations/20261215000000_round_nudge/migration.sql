-- The facilitator's round view (issue 20, point 2): during an open round the facilitator may send
-- one gentle nudge to those who have not answered yet. Once per round, by the database: the first
-- press sets nudgedAt where it is still null, and only the press whose update changed the row
-- sends. A scheduled reminder that comes after it is not sent.

ALTER TABLE "Round" ADD COLUMN "nudgedAt" TIMESTAMP(3);
