-- A person's own well-being (issue 19, point 4): the WHO-5 they take privately with `min trivsel`
-- / `my well-being`, stored for them alone. It belongs to its author (deleted with them) and is
-- scoped to their workspace; no poll aggregate, HR or facilitator path reads this table.

CREATE TABLE "WellbeingEntry" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspace" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "answers" INTEGER[],
    "index" INTEGER NOT NULL,
    CONSTRAINT "WellbeingEntry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "WellbeingEntry_answers_check" CHECK (cardinality("answers") = 5 AND 0 <= ALL("answers") AND 5 >= ALL("answers")),
    CONSTRAINT "WellbeingEntry_index_check" CHECK ("index" BETWEEN 0 AND 100)
);
CREATE INDEX "WellbeingEntry_userId_workspace_takenAt_idx" ON "WellbeingEntry"("userId", "workspace", "takenAt");
ALTER TABLE "WellbeingEntry" ADD CONSTRAINT "WellbeingEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
