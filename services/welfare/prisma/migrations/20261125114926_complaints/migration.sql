-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('HOLIDAY', 'MAKE_UP_WORKDAY');

-- CreateTable
CREATE TABLE "holiday_calendar_day" (
    "day" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holiday_calendar_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "complaint" (
    "id" UUID NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "worker_id" UUID,
    "employer_uscc" CHAR(18) NOT NULL,
    "project_id" UUID,
    "region_code" CHAR(6) NOT NULL,
    "period_from" CHAR(7),
    "period_to" CHAR(7),
    "amount_claimed_fen" BIGINT,
    "workers_affected" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "handler_dept" TEXT NOT NULL,
    "complex" BOOLEAN NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_on" CHAR(10) NOT NULL,
    "escalated_at" TIMESTAMPTZ(3),
    "result" TEXT,
    "amount_owed_fen" BIGINT,
    "filed_by" TEXT NOT NULL,
    "warning_id" UUID,

    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "complaint_step" (
    "id" BIGSERIAL NOT NULL,
    "complaint_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "complaint_step_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "complaint_warning_id_key" ON "complaint"("warning_id");

-- CreateIndex
CREATE INDEX "complaint_region_code_stage_due_on_idx" ON "complaint"("region_code", "stage", "due_on");

-- CreateIndex
CREATE INDEX "complaint_worker_id_received_at_idx" ON "complaint"("worker_id", "received_at");

-- CreateIndex
CREATE INDEX "complaint_category_stage_idx" ON "complaint"("category", "stage");

-- CreateIndex
CREATE INDEX "complaint_step_complaint_id_id_idx" ON "complaint_step"("complaint_id", "id");
