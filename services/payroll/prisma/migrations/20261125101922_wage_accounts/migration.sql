-- CreateEnum
CREATE TYPE "WageAccountStatus" AS ENUM ('OPENING', 'ACTIVE', 'CLOSING', 'CLOSED');

-- CreateTable
CREATE TABLE "payroll_project" (
    "project_id" UUID NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "stage" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payroll_project_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "wage_account" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,
    "bank_code" TEXT NOT NULL,
    "bank_name" TEXT NOT NULL,
    "account_number" TEXT,
    "status" "WageAccountStatus" NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "notice_until" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "wage_account_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "wage_account_project_id_idx" ON "wage_account"("project_id");

-- CreateIndex
CREATE INDEX "wage_account_bank_code_status_idx" ON "wage_account"("bank_code", "status");

-- One account per project that is not closed: two clerks requesting at once cannot both succeed
CREATE UNIQUE INDEX "wage_account_one_open_per_project" ON "wage_account" ("project_id") WHERE "status" <> 'CLOSED';
