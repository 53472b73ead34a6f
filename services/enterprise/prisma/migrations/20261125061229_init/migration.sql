-- CreateEnum
CREATE TYPE "EnterpriseType" AS ENUM ('GENERAL_CONTRACTOR', 'SUBCONTRACTOR', 'LABOUR_SERVICE');

-- CreateTable
CREATE TABLE "enterprise" (
    "uscc" CHAR(18) NOT NULL,
    "name" TEXT NOT NULL,
    "type" "EnterpriseType" NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "legal_representative" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registered_by" TEXT NOT NULL,

    CONSTRAINT "enterprise_pkey" PRIMARY KEY ("uscc")
);

-- CreateTable
CREATE TABLE "eligibility_block" (
    "uscc" CHAR(18) NOT NULL,
    "rule" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "source_event_id" UUID NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "eligibility_block_pkey" PRIMARY KEY ("uscc","rule","subject_id")
);

-- CreateTable
CREATE TABLE "external_fact_version" (
    "subject_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "external_fact_version_pkey" PRIMARY KEY ("subject_id")
);

-- CreateTable
CREATE TABLE "eligibility_change" (
    "id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "reason_codes" TEXT[],
    "cause_event_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "eligibility_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "enterprise_region_code_uscc_idx" ON "enterprise"("region_code", "uscc");

-- CreateIndex
CREATE INDEX "eligibility_change_uscc_at_idx" ON "eligibility_change"("uscc", "at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "eligibility_block" ADD CONSTRAINT "eligibility_block_uscc_fkey" FOREIGN KEY ("uscc") REFERENCES "enterprise"("uscc") ON DELETE RESTRICT ON UPDATE CASCADE;
