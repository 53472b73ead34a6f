-- CreateEnum
CREATE TYPE "CardHolderKind" AS ENUM ('WORKER', 'ENTERPRISE', 'RESPONSIBLE_PERSON');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ACTIVE', 'FROZEN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CardAction" AS ENUM ('ISSUE', 'FREEZE', 'UNFREEZE', 'CANCEL');

-- CreateTable
CREATE TABLE "real_name_card" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "holder_kind" "CardHolderKind" NOT NULL,
    "holder_name" TEXT NOT NULL,
    "enterprise_uscc" CHAR(18),
    "region_code" CHAR(6) NOT NULL,
    "status" "CardStatus" NOT NULL,
    "version" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "real_name_card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "card_status_change" (
    "id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "CardAction" NOT NULL,
    "from_status" "CardStatus",
    "to_status" "CardStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "card_status_change_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "real_name_card_number_key" ON "real_name_card"("number");

-- CreateIndex
CREATE INDEX "real_name_card_enterprise_uscc_idx" ON "real_name_card"("enterprise_uscc");

-- CreateIndex
CREATE INDEX "real_name_card_region_code_issued_at_idx" ON "real_name_card"("region_code", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "card_status_change_card_id_version_key" ON "card_status_change"("card_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_seq_key" ON "outbox_event"("seq");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_seq_idx" ON "outbox_event"("published_at", "seq");

-- AddForeignKey
ALTER TABLE "card_status_change" ADD CONSTRAINT "card_status_change_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "real_name_card"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
