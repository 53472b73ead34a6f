-- CreateTable
CREATE TABLE "welfare_worker" (
    "worker_id" UUID NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "trade_code" TEXT NOT NULL,
    "birth_year" INTEGER NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "welfare_worker_pkey" PRIMARY KEY ("worker_id")
);

-- CreateTable
CREATE TABLE "welfare_scheme" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "rules" JSONB NOT NULL,

    CONSTRAINT "welfare_scheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scheme_enrolment" (
    "id" UUID NOT NULL,
    "scheme_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "enrolled_by" TEXT NOT NULL,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scheme_enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award_round" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "quota" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "decided_by" TEXT,

    CONSTRAINT "award_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "award_nomination" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "nominated_by" TEXT NOT NULL,
    "awarded" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "award_nomination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "welfare_worker_region_code_registered_at_idx" ON "welfare_worker"("region_code", "registered_at");

-- CreateIndex
CREATE UNIQUE INDEX "welfare_scheme_code_key" ON "welfare_scheme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "scheme_enrolment_scheme_id_worker_id_key" ON "scheme_enrolment"("scheme_id", "worker_id");

-- CreateIndex
CREATE UNIQUE INDEX "award_round_kind_year_region_code_key" ON "award_round"("kind", "year", "region_code");

-- CreateIndex
CREATE UNIQUE INDEX "award_nomination_round_id_worker_id_key" ON "award_nomination"("round_id", "worker_id");
