-- CreateEnum
CREATE TYPE "QualificationGrade" AS ENUM ('SPECIAL', 'FIRST', 'SECOND', 'THIRD', 'UNGRADED');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "WarningColour" AS ENUM ('RED', 'YELLOW', 'BLUE');

-- CreateEnum
CREATE TYPE "TenderStatus" AS ENUM ('OPEN', 'AWARDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CreditKind" AS ENUM ('GOOD', 'BAD');

-- AlterTable
ALTER TABLE "blacklist_listing" ADD COLUMN     "responsible_person_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "eligibility_block" ALTER COLUMN "source_event_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "eligibility_change" ADD COLUMN     "cause" TEXT NOT NULL DEFAULT '',
ALTER COLUMN "cause_event_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "responsible_person" (
    "uscc" CHAR(18) NOT NULL,
    "person_id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "responsible_person_pkey" PRIMARY KEY ("uscc","person_id")
);

-- CreateTable
CREATE TABLE "qualification" (
    "id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "category" TEXT NOT NULL,
    "grade" "QualificationGrade" NOT NULL,
    "certificate_number" TEXT NOT NULL,
    "issued_by" TEXT NOT NULL,
    "valid_until" DATE NOT NULL,
    "reminded_for" DATE,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "qualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_step" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "from_stage" "ProjectStage" NOT NULL,
    "to_stage" "ProjectStage" NOT NULL,
    "details" JSONB NOT NULL,
    "status" "StepStatus" NOT NULL,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_comment" TEXT,

    CONSTRAINT "project_step_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_safeguard" (
    "project_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "project_safeguard_pkey" PRIMARY KEY ("project_id","kind")
);

-- CreateTable
CREATE TABLE "project_enrolment" (
    "enrolment_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "employer_uscc" CHAR(18) NOT NULL,
    "active" BOOLEAN NOT NULL,

    CONSTRAINT "project_enrolment_pkey" PRIMARY KEY ("enrolment_id")
);

-- CreateTable
CREATE TABLE "arrears_warning" (
    "id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "project_id" UUID NOT NULL,
    "colour" "WarningColour" NOT NULL,
    "rule_code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "cleared_at" TIMESTAMPTZ(3),

    CONSTRAINT "arrears_warning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tender" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "requirements" JSONB NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "TenderStatus" NOT NULL,
    "winning_bid_id" UUID,
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "awarded_by" TEXT,
    "awarded_at" TIMESTAMPTZ(3),

    CONSTRAINT "tender_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bid" (
    "id" UUID NOT NULL,
    "tender_id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "price_fen" BIGINT NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_record" (
    "id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "kind" "CreditKind" NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_event_id" UUID,
    "recorded_by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "credit_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "qualification_valid_until_idx" ON "qualification"("valid_until");

-- CreateIndex
CREATE UNIQUE INDEX "qualification_uscc_category_key" ON "qualification"("uscc", "category");

-- CreateIndex
CREATE INDEX "project_step_project_id_requested_at_idx" ON "project_step"("project_id", "requested_at");

-- CreateIndex
CREATE INDEX "project_enrolment_project_id_active_idx" ON "project_enrolment"("project_id", "active");

-- CreateIndex
CREATE INDEX "arrears_warning_uscc_raised_at_idx" ON "arrears_warning"("uscc", "raised_at");

-- CreateIndex
CREATE INDEX "arrears_warning_project_id_idx" ON "arrears_warning"("project_id");

-- CreateIndex
CREATE INDEX "tender_project_id_idx" ON "tender"("project_id");

-- CreateIndex
CREATE UNIQUE INDEX "bid_tender_id_uscc_key" ON "bid"("tender_id", "uscc");

-- CreateIndex
CREATE UNIQUE INDEX "credit_record_source_event_id_key" ON "credit_record"("source_event_id");

-- CreateIndex
CREATE INDEX "credit_record_uscc_at_idx" ON "credit_record"("uscc", "at");

-- AddForeignKey
ALTER TABLE "bid" ADD CONSTRAINT "bid_tender_id_fkey" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One step under review per project at a time: a second request waits for the first decision
CREATE UNIQUE INDEX "project_step_one_pending" ON "project_step" ("project_id") WHERE "status" = 'PENDING';
