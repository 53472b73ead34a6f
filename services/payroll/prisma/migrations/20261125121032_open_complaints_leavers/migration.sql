-- CreateTable
CREATE TABLE "open_complaint" (
    "complaint_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "open_complaint_pkey" PRIMARY KEY ("complaint_id")
);

-- CreateTable
CREATE TABLE "leaver" (
    "enrolment_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "end_date" CHAR(10) NOT NULL,

    CONSTRAINT "leaver_pkey" PRIMARY KEY ("enrolment_id")
);

-- CreateIndex
CREATE INDEX "open_complaint_project_id_idx" ON "open_complaint"("project_id");

-- CreateIndex
CREATE INDEX "leaver_project_id_end_date_idx" ON "leaver"("project_id", "end_date");

-- Hand-written: installations that already have the national rule rows get the two new defaults (a fresh one is seeded by the service)
INSERT INTO "warning_rule" ("province_code", "rule_code", "colour", "metric", "operator", "threshold", "message")
SELECT '00', r.code, r.colour::"WarningColour", r.metric, '>', 0, r.message
  FROM (VALUES ('COMPLAINT_OPEN', 'YELLOW', 'OPEN_COMPLAINTS', 'A complaint against the project is open.'),
               ('LEAVER_UNPAID', 'YELLOW', 'LEAVERS_UNPAID', 'A worker who left the project was not paid in full on leaving.')) AS r(code, colour, metric, message)
 WHERE EXISTS (SELECT 1 FROM "warning_rule" WHERE "province_code" = '00')
ON CONFLICT DO NOTHING;
