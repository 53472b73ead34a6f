-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('HOLIDAY', 'MAKE_UP_WORKDAY');

-- CreateEnum
CREATE TYPE "DepositForm" AS ENUM ('CASH', 'BANK_GUARANTEE', 'EXEMPT');

-- CreateEnum
CREATE TYPE "DepositStatus" AS ENUM ('HELD', 'RELEASE_NOTICE', 'RELEASED');

-- CreateEnum
CREATE TYPE "DrawdownStatus" AS ENUM ('REQUESTED', 'PAID');

-- AlterTable
ALTER TABLE "payroll_project" ADD COLUMN     "contract_value_fen" BIGINT;

-- CreateTable
CREATE TABLE "deposit_policy" (
    "province_code" CHAR(2) NOT NULL,
    "base_rate_bp" INTEGER NOT NULL,
    "floor_rate_bp" INTEGER NOT NULL,
    "cap_fen" BIGINT,
    "small_contract_below_fen" BIGINT,
    "clean_two_years_cut_percent" INTEGER NOT NULL,
    "arrears_surcharge_percent" INTEGER NOT NULL,
    "blacklist_surcharge_percent" INTEGER NOT NULL,

    CONSTRAINT "deposit_policy_pkey" PRIMARY KEY ("province_code")
);

-- CreateTable
CREATE TABLE "holiday_calendar_day" (
    "day" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "holiday_calendar_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "deposit" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "form" "DepositForm" NOT NULL,
    "required_fen" BIGINT NOT NULL,
    "held_fen" BIGINT NOT NULL,
    "rate_bp" INTEGER NOT NULL,
    "trace" TEXT[],
    "guarantee_number" TEXT,
    "guarantee_valid_until" CHAR(10),
    "status" "DepositStatus" NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,
    "top_up_due_on" CHAR(10),
    "release_notice_until" TIMESTAMPTZ(3),
    "release_review_by" CHAR(10),
    "released_by" TEXT,
    "released_at" TIMESTAMPTZ(3),
    "release_pay_by" CHAR(10),
    "guarantee_reminded_at" TIMESTAMPTZ(3),

    CONSTRAINT "deposit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deposit_drawdown" (
    "id" UUID NOT NULL,
    "deposit_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "cause" TEXT NOT NULL,
    "pay_by" CHAR(10) NOT NULL,
    "status" "DrawdownStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3),
    "bank_reference" TEXT,

    CONSTRAINT "deposit_drawdown_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deposit_project_id_idx" ON "deposit"("project_id");

-- CreateIndex
CREATE INDEX "deposit_form_status_guarantee_valid_until_idx" ON "deposit"("form", "status", "guarantee_valid_until");

-- CreateIndex
CREATE UNIQUE INDEX "deposit_drawdown_deposit_id_cause_key" ON "deposit_drawdown"("deposit_id", "cause");

-- Hand-written: one deposit per project that is not released
CREATE UNIQUE INDEX "deposit_one_live_per_project" ON "deposit" ("project_id") WHERE "status" <> 'RELEASED';
