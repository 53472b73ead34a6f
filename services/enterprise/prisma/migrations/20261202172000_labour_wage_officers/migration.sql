-- CreateTable
CREATE TABLE "labour_wage_officer_appointment" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "appointed_by" TEXT NOT NULL,
    "appointed_at" TIMESTAMPTZ(3) NOT NULL,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "labour_wage_officer_appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "labour_wage_officer_appointment_project_id_seq_idx" ON "labour_wage_officer_appointment"("project_id", "seq");

-- AddForeignKey
ALTER TABLE "labour_wage_officer_appointment" ADD CONSTRAINT "labour_wage_officer_appointment_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
