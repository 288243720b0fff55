-- "Gør det til en aftale" pressed twice made two agreements from one takeaway or tool session
-- (issue 20). An agreement is made from its source once, decided by the database as follow-ups
-- are: a second insert from the same source is skipped. Direct agreements have no source
-- reference (NULL), and NULLs never collide. Sources already used twice keep their first
-- agreement as made from them; the later ones stay, as made directly.
UPDATE "Agreement" AS later
SET "source" = 'direct', "sourceRef" = NULL
WHERE later."sourceRef" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "Agreement" AS earlier
    WHERE earlier."source" = later."source"
      AND earlier."sourceRef" = later."sourceRef"
      AND (earlier."createdAt", earlier."id") < (later."createdAt", later."id")
  );

CREATE UNIQUE INDEX "Agreement_source_sourceRef_key" ON "Agreement"("source", "sourceRef");
