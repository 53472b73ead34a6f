-- CreateTable
CREATE TABLE "complaint_tally" (
    "region_code" CHAR(6) NOT NULL,
    "category" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "due_on" VARCHAR(10) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "complaint_tally_pkey" PRIMARY KEY ("region_code","category","stage","due_on")
);

-- Hand-written: the overdue list reads open cases by deadline (most overdue first)
CREATE INDEX "complaint_open_by_due" ON "complaint" ("due_on", "id") WHERE "stage" IN ('NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED');

-- Backfill the tally from complaints filed before it existed
INSERT INTO "complaint_tally" ("region_code", "category", "stage", "due_on", "count")
SELECT "region_code", "category", "stage", CASE WHEN "stage" IN ('NEW', 'ACCEPTED', 'INVESTIGATING', 'VERIFIED') THEN "due_on" ELSE '' END, count(*)::int
  FROM "complaint" GROUP BY 1, 2, 3, 4;
