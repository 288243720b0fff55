-- "Delete my data" (issue 15): an agreement a member posted to their group carries their name
-- (and, for a shared personal agreement, their words), and a group's welcome or membership notice
-- names its members, so those posts are recorded too.
ALTER TABLE "PersonPost" DROP CONSTRAINT "PersonPost_kind_check";
ALTER TABLE "PersonPost" ADD CONSTRAINT "PersonPost_kind_check" CHECK ("kind" IN ('answer', 'summary', 'tool_share', 'follow_up', 'agreement', 'notice'));
