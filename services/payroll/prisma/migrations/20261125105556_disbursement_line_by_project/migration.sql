-- CreateIndex
CREATE INDEX "disbursement_line_project_id_status_idx" ON "disbursement_line"("project_id", "status");
