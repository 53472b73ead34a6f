-- CreateTable
CREATE TABLE "welfare_project" (
    "project_id" UUID NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "stage" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "welfare_project_pkey" PRIMARY KEY ("project_id")
);

-- CreateTable
CREATE TABLE "welfare_enrolment" (
    "enrolment_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,

    CONSTRAINT "welfare_enrolment_pkey" PRIMARY KEY ("enrolment_id")
);

-- CreateTable
CREATE TABLE "injury_policy" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "insurer" TEXT NOT NULL,
    "policy_number" TEXT NOT NULL,
    "premium_fen" BIGINT NOT NULL,
    "rate_bp" INTEGER NOT NULL,
    "cover_from" DATE NOT NULL,
    "cover_until" DATE,
    "bought_by" TEXT NOT NULL,
    "bought_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "injury_policy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "welfare_project_region_code_stage_idx" ON "welfare_project"("region_code", "stage");

-- CreateIndex
CREATE INDEX "welfare_enrolment_worker_id_idx" ON "welfare_enrolment"("worker_id");

-- CreateIndex
CREATE INDEX "welfare_enrolment_project_id_idx" ON "welfare_enrolment"("project_id");

-- CreateIndex
CREATE INDEX "injury_policy_project_id_cover_from_idx" ON "injury_policy"("project_id", "cover_from");

-- CreateIndex
CREATE UNIQUE INDEX "injury_policy_insurer_policy_number_key" ON "injury_policy"("insurer", "policy_number");
