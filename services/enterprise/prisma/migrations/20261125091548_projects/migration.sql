-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('BIDDING', 'AWARDED', 'PERMITTED', 'CONSTRUCTION', 'COMPLETED', 'CLOSED');

-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "client" TEXT NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,
    "contract_value_fen" BIGINT NOT NULL,
    "labour_cost_share_bp" INTEGER NOT NULL,
    "start_date" DATE NOT NULL,
    "planned_end_date" DATE,
    "stage" "ProjectStage" NOT NULL,
    "registered_by" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_participant" (
    "project_id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "role" TEXT NOT NULL,
    "parent_uscc" CHAR(18) NOT NULL,
    "added_by" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "project_participant_pkey" PRIMARY KEY ("project_id","uscc")
);

-- CreateIndex
CREATE INDEX "project_region_code_id_idx" ON "project"("region_code", "id");

-- CreateIndex
CREATE INDEX "project_general_contractor_uscc_idx" ON "project"("general_contractor_uscc");

-- CreateIndex
CREATE INDEX "project_participant_uscc_idx" ON "project_participant"("uscc");

-- AddForeignKey
ALTER TABLE "project_participant" ADD CONSTRAINT "project_participant_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
