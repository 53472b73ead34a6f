-- AlterTable
ALTER TABLE "enrolment" ADD COLUMN     "registered_late_by_days" INTEGER NOT NULL DEFAULT 0;

-- Enrolments recorded before this column are judged against the default deadline of 10 days,
-- counting China days (UTC+8, no daylight saving)
UPDATE "enrolment" SET "registered_late_by_days" = GREATEST(0, (("created_at" AT TIME ZONE 'UTC') + INTERVAL '8 hours')::date - "start_date" - 10);
