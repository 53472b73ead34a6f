-- CreateEnum
CREATE TYPE "WarningColour" AS ENUM ('RED', 'YELLOW', 'BLUE');

-- CreateEnum
CREATE TYPE "WarningStatus" AS ENUM ('OPEN', 'CLEARED');

-- CreateEnum
CREATE TYPE "WageSheetStatus" AS ENUM ('PREPARED', 'REVIEWED', 'APPROVED', 'PAID', 'RETURNED');

-- CreateEnum
CREATE TYPE "DisbursementStatus" AS ENUM ('PENDING', 'PAID', 'FAILED');

-- CreateTable
CREATE TABLE "worker_wage_card" (
    "worker_id" UUID NOT NULL,
    "holder_name_cipher" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "card_number_cipher" TEXT NOT NULL,
    "card_masked" TEXT NOT NULL,
    "luhn_valid" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_wage_card_pkey" PRIMARY KEY ("worker_id")
);

-- CreateTable
CREATE TABLE "attendance_month" (
    "project_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "workers" INTEGER NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attendance_month_pkey" PRIMARY KEY ("project_id","period")
);

-- CreateTable
CREATE TABLE "guideline_price" (
    "region_code" CHAR(6) NOT NULL,
    "trade_code" VARCHAR(32) NOT NULL,
    "year" INTEGER NOT NULL,
    "p10_fen" BIGINT NOT NULL,
    "p25_fen" BIGINT NOT NULL,
    "p50_fen" BIGINT NOT NULL,
    "p75_fen" BIGINT NOT NULL,
    "p90_fen" BIGINT NOT NULL,

    CONSTRAINT "guideline_price_pkey" PRIMARY KEY ("region_code","trade_code","year")
);

-- CreateTable
CREATE TABLE "warning_rule" (
    "province_code" CHAR(2) NOT NULL,
    "rule_code" TEXT NOT NULL,
    "colour" "WarningColour" NOT NULL,
    "metric" TEXT NOT NULL,
    "operator" TEXT NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "warning_rule_pkey" PRIMARY KEY ("province_code","rule_code")
);

-- CreateTable
CREATE TABLE "arrears_warning" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "colour" "WarningColour" NOT NULL,
    "rule_code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "WarningStatus" NOT NULL,
    "version" INTEGER NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "cleared_at" TIMESTAMPTZ(3),
    "clear_reason" TEXT,

    CONSTRAINT "arrears_warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_instalment" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "paid_fen" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "funding_instalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_receipt" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "bank_reference" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,

    CONSTRAINT "funding_receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_transfer" (
    "id" BIGSERIAL NOT NULL,
    "project_id" UUID NOT NULL,
    "debit" TEXT NOT NULL,
    "credit" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "cause" TEXT NOT NULL,
    "cause_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ledger_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wage_sheet" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,
    "employer_uscc" CHAR(18) NOT NULL,
    "period" CHAR(7) NOT NULL,
    "cycle_kind" TEXT NOT NULL,
    "first_day" CHAR(10) NOT NULL,
    "last_day" CHAR(10) NOT NULL,
    "due_on" CHAR(10) NOT NULL,
    "status" "WageSheetStatus" NOT NULL,
    "line_count" INTEGER NOT NULL,
    "total_gross_fen" BIGINT NOT NULL,
    "total_net_fen" BIGINT NOT NULL,
    "prepared_by" TEXT NOT NULL,
    "prepared_at" TIMESTAMPTZ(3) NOT NULL,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "returned_by" TEXT,
    "returned_at" TIMESTAMPTZ(3),
    "return_reason" TEXT,

    CONSTRAINT "wage_sheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wage_line" (
    "id" UUID NOT NULL,
    "sheet_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "worker_id" UUID NOT NULL,
    "enrolment_id" TEXT NOT NULL,
    "employer_uscc" CHAR(18) NOT NULL,
    "holder_name_cipher" TEXT NOT NULL,
    "id_number_cipher" TEXT NOT NULL,
    "phone_cipher" TEXT NOT NULL,
    "trade_code" TEXT NOT NULL,
    "employment_kind" TEXT NOT NULL,
    "rate_kind" TEXT NOT NULL,
    "rate_fen" BIGINT NOT NULL,
    "days" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "base_pay_fen" BIGINT NOT NULL,
    "additions" JSONB NOT NULL,
    "deductions" JSONB NOT NULL,
    "gross_fen" BIGINT NOT NULL,
    "deductions_fen" BIGINT NOT NULL,
    "net_fen" BIGINT NOT NULL,
    "warnings" JSONB NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "disputed_at" TIMESTAMPTZ(3),
    "dispute_reason" TEXT,

    CONSTRAINT "wage_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement_batch" (
    "id" UUID NOT NULL,
    "sheet_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "bank_code" TEXT NOT NULL,
    "expected_count" INTEGER NOT NULL,
    "expected_total_fen" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "disbursement_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disbursement_line" (
    "id" UUID NOT NULL,
    "wage_line_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "sheet_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "bank_code" TEXT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "status" "DisbursementStatus" NOT NULL,
    "bank_reference" TEXT,
    "failure_reason" TEXT,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "disbursement_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "arrears_warning_project_id_status_idx" ON "arrears_warning"("project_id", "status");

-- CreateIndex
CREATE INDEX "arrears_warning_region_code_status_colour_idx" ON "arrears_warning"("region_code", "status", "colour");

-- CreateIndex
CREATE UNIQUE INDEX "funding_instalment_project_id_due_on_key" ON "funding_instalment"("project_id", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "funding_receipt_account_id_bank_reference_key" ON "funding_receipt"("account_id", "bank_reference");

-- CreateIndex
CREATE INDEX "ledger_transfer_project_id_id_idx" ON "ledger_transfer"("project_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_transfer_cause_cause_id_key" ON "ledger_transfer"("cause", "cause_id");

-- CreateIndex
CREATE INDEX "wage_sheet_project_id_period_idx" ON "wage_sheet"("project_id", "period");

-- CreateIndex
CREATE INDEX "wage_sheet_employer_uscc_period_idx" ON "wage_sheet"("employer_uscc", "period");

-- CreateIndex
CREATE INDEX "wage_sheet_region_code_period_idx" ON "wage_sheet"("region_code", "period");

-- CreateIndex
CREATE INDEX "wage_line_worker_id_period_idx" ON "wage_line"("worker_id", "period");

-- CreateIndex
CREATE INDEX "wage_line_project_id_period_idx" ON "wage_line"("project_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "wage_line_sheet_id_worker_id_key" ON "wage_line"("sheet_id", "worker_id");

-- CreateIndex
CREATE INDEX "disbursement_batch_bank_code_created_at_idx" ON "disbursement_batch"("bank_code", "created_at");

-- CreateIndex
CREATE INDEX "disbursement_batch_sheet_id_idx" ON "disbursement_batch"("sheet_id");

-- CreateIndex
CREATE INDEX "disbursement_line_batch_id_status_idx" ON "disbursement_line"("batch_id", "status");

-- CreateIndex
CREATE INDEX "disbursement_line_sheet_id_status_idx" ON "disbursement_line"("sheet_id", "status");

-- CreateIndex
CREATE INDEX "disbursement_line_worker_id_idx" ON "disbursement_line"("worker_id");

-- Hand-written: at most one open warning per project and rule
CREATE UNIQUE INDEX "arrears_warning_one_open_per_rule" ON "arrears_warning" ("project_id", "rule_code") WHERE "status" = 'OPEN';

-- One live sheet per employer, project and cycle (a returned sheet is prepared again)
CREATE UNIQUE INDEX "wage_sheet_one_live_per_cycle" ON "wage_sheet" ("project_id", "employer_uscc", "period", "cycle_kind") WHERE "status" <> 'RETURNED';

-- A wage line has at most one live payment instruction (pending or paid): it is never paid twice
CREATE UNIQUE INDEX "disbursement_line_one_live_per_wage_line" ON "disbursement_line" ("wage_line_id") WHERE "status" <> 'FAILED';
