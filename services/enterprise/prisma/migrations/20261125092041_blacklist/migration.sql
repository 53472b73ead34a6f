-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('ACTIVE', 'REMOVED', 'EXPIRED');

-- CreateTable
CREATE TABLE "blacklist_listing" (
    "id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "grounds" TEXT[],
    "reason" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "listed_by" TEXT NOT NULL,
    "listed_at" TIMESTAMPTZ(3) NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,
    "status" "ListingStatus" NOT NULL,
    "removed_at" TIMESTAMPTZ(3),
    "pledge" TEXT,

    CONSTRAINT "blacklist_listing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "blacklist_listing_uscc_status_idx" ON "blacklist_listing"("uscc", "status");

-- CreateIndex
CREATE INDEX "blacklist_listing_status_until_idx" ON "blacklist_listing"("status", "until");
