-- CreateTable
CREATE TABLE "training_provider" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,

    CONSTRAINT "training_provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_programme" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "safety_level" TEXT,
    "trade_code" TEXT,
    "skill_level" INTEGER,
    "required_hours" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "training_programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_session" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "capacity" INTEGER NOT NULL,

    CONSTRAINT "training_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_enrolment" (
    "id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL,
    "certificate_number" TEXT,
    "enrolled_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "training_enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_attendance" (
    "enrolment_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "training_attendance_pkey" PRIMARY KEY ("enrolment_id","day")
);

-- CreateTable
CREATE TABLE "training_target" (
    "region_code" CHAR(6) NOT NULL,
    "year" INTEGER NOT NULL,
    "trainee_sessions" INTEGER NOT NULL,

    CONSTRAINT "training_target_pkey" PRIMARY KEY ("region_code","year")
);

-- CreateIndex
CREATE INDEX "training_provider_region_code_idx" ON "training_provider"("region_code");

-- CreateIndex
CREATE INDEX "training_programme_provider_id_idx" ON "training_programme"("provider_id");

-- CreateIndex
CREATE INDEX "training_session_region_code_starts_on_idx" ON "training_session"("region_code", "starts_on");

-- CreateIndex
CREATE UNIQUE INDEX "training_enrolment_certificate_number_key" ON "training_enrolment"("certificate_number");

-- CreateIndex
CREATE INDEX "training_enrolment_worker_id_idx" ON "training_enrolment"("worker_id");

-- CreateIndex
CREATE INDEX "training_enrolment_region_code_completed_at_idx" ON "training_enrolment"("region_code", "completed_at");

-- CreateIndex
CREATE UNIQUE INDEX "training_enrolment_session_id_worker_id_key" ON "training_enrolment"("session_id", "worker_id");
