-- CreateTable
CREATE TABLE "service_type" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "deadline_working_days" INTEGER NOT NULL,

    CONSTRAINT "service_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_request" (
    "id" UUID NOT NULL,
    "type_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "centre_id" TEXT,
    "department" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "status" TEXT NOT NULL,
    "opened_by" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "due_on" CHAR(10) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "outcome" TEXT,

    CONSTRAINT "service_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_type_code_key" ON "service_type"("code");

-- CreateIndex
CREATE INDEX "service_request_region_code_status_due_on_idx" ON "service_request"("region_code", "status", "due_on");

-- CreateIndex
CREATE INDEX "service_request_centre_id_status_idx" ON "service_request"("centre_id", "status");

-- CreateIndex
CREATE INDEX "service_request_worker_id_idx" ON "service_request"("worker_id");
