-- AlterTable
ALTER TABLE "project" ADD COLUMN     "obligations_due_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "project_obligations_due_at_idx" ON "project"("obligations_due_at");

