-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'COLLEGE', 'BACHELOR_OR_ABOVE');

-- CreateEnum
CREATE TYPE "WageCardActorKind" AS ENUM ('SELF', 'AGENT');

-- CreateEnum
CREATE TYPE "TrainingKind" AS ENUM ('SAFETY', 'SKILL');

-- CreateEnum
CREATE TYPE "ConductKind" AS ENUM ('GOOD', 'BAD');

-- CreateEnum
CREATE TYPE "ContractType" AS ENUM ('LABOUR_CONTRACT', 'WRITTEN_AGREEMENT');

-- CreateEnum
CREATE TYPE "RateKind" AS ENUM ('DAILY', 'MONTHLY', 'HOURLY');

-- CreateEnum
CREATE TYPE "EmploymentKind" AS ENUM ('FULL_TIME', 'PART_TIME');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "MovementKind" AS ENUM ('ENTRY', 'EXIT');

-- CreateEnum
CREATE TYPE "AttendanceMethod" AS ENUM ('FACE', 'FINGERPRINT', 'IRIS', 'GEOFENCE');

-- CreateEnum
CREATE TYPE "AnomalyKind" AS ENUM ('TWO_SITES_AT_ONCE', 'PHOTO_ON_TWO_IDS', 'OUTSIDE_ENROLMENT_DATES');

-- AlterTable
ALTER TABLE "real_name_card" ADD COLUMN     "person_id" UUID;

-- CreateTable
CREATE TABLE "trade" (
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "trade_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "worker" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "id_number_cipher" TEXT NOT NULL,
    "id_number_hash" TEXT NOT NULL,
    "id_number_masked" CHAR(18) NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "phone_cipher" TEXT NOT NULL,
    "phone_masked" TEXT NOT NULL,
    "education" "Education" NOT NULL,
    "trade_code" VARCHAR(32) NOT NULL,
    "skill_level" INTEGER,
    "region_code" CHAR(6) NOT NULL,
    "registered_by_uscc" CHAR(18),
    "registered_by" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "safety_trained_on" DATE,
    "wage_bank_code" TEXT,
    "wage_card_cipher" TEXT,
    "wage_card_masked" TEXT,
    "wage_card_luhn_valid" BOOLEAN,
    "wage_card_version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wage_card_change" (
    "id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "bank_code" TEXT NOT NULL,
    "card_cipher" TEXT NOT NULL,
    "card_masked" TEXT NOT NULL,
    "luhn_valid" BOOLEAN NOT NULL,
    "actor_kind" "WageCardActorKind" NOT NULL,
    "actor" TEXT NOT NULL,
    "service_centre_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wage_card_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_record" (
    "id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "kind" "TrainingKind" NOT NULL,
    "programme" TEXT NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "trade_code" TEXT,
    "skill_level" INTEGER,
    "certificate_number" TEXT,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "training_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conduct_record" (
    "id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "kind" "ConductKind" NOT NULL,
    "description" TEXT NOT NULL,
    "authority" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conduct_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "general_contractor_uscc" CHAR(18) NOT NULL,

    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_participant" (
    "project_id" UUID NOT NULL,
    "uscc" CHAR(18) NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "project_participant_pkey" PRIMARY KEY ("project_id","uscc")
);

-- CreateTable
CREATE TABLE "enrolment" (
    "id" UUID NOT NULL,
    "worker_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "employer_uscc" CHAR(18) NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "contract_type" "ContractType" NOT NULL,
    "trade_code" VARCHAR(32) NOT NULL,
    "rate_kind" "RateKind" NOT NULL,
    "rate_fen" INTEGER NOT NULL,
    "employment_kind" "EmploymentKind" NOT NULL,
    "team" TEXT,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "status" "EnrolmentStatus" NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrolment_movement" (
    "id" UUID NOT NULL,
    "enrolment_id" UUID NOT NULL,
    "kind" "MovementKind" NOT NULL,
    "day" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enrolment_movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_record" (
    "id" BIGSERIAL NOT NULL,
    "device_id" VARCHAR(64) NOT NULL,
    "device_record_id" VARCHAR(64) NOT NULL,
    "worker_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "enrolment_id" UUID NOT NULL,
    "method" "AttendanceMethod" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "photo_hash" VARCHAR(128),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_anomaly" (
    "id" BIGSERIAL NOT NULL,
    "kind" "AnomalyKind" NOT NULL,
    "attendance_id" BIGINT NOT NULL,
    "worker_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "other_worker_id" UUID,
    "other_project_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attendance_anomaly_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attendance_month_close" (
    "project_id" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "workers" INTEGER NOT NULL,
    "closed_by" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "attendance_month_close_pkey" PRIMARY KEY ("project_id","period")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "region_code" CHAR(6) NOT NULL,
    "fields" TEXT[],
    "purpose" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "worker_id_number_hash_key" ON "worker"("id_number_hash");

-- CreateIndex
CREATE INDEX "worker_region_code_id_idx" ON "worker"("region_code", "id");

-- CreateIndex
CREATE INDEX "worker_trade_code_id_idx" ON "worker"("trade_code", "id");

-- CreateIndex
CREATE INDEX "worker_registered_by_uscc_id_idx" ON "worker"("registered_by_uscc", "id");

-- CreateIndex
CREATE UNIQUE INDEX "wage_card_change_worker_id_version_key" ON "wage_card_change"("worker_id", "version");

-- CreateIndex
CREATE INDEX "training_record_worker_id_idx" ON "training_record"("worker_id");

-- CreateIndex
CREATE INDEX "conduct_record_worker_id_idx" ON "conduct_record"("worker_id");

-- CreateIndex
CREATE INDEX "project_participant_uscc_idx" ON "project_participant"("uscc");

-- CreateIndex
CREATE INDEX "enrolment_worker_id_status_idx" ON "enrolment"("worker_id", "status");

-- CreateIndex
CREATE INDEX "enrolment_project_id_worker_id_idx" ON "enrolment"("project_id", "worker_id");

-- CreateIndex
CREATE INDEX "enrolment_employer_uscc_id_idx" ON "enrolment"("employer_uscc", "id");

-- CreateIndex
CREATE INDEX "enrolment_region_code_id_idx" ON "enrolment"("region_code", "id");

-- CreateIndex
CREATE INDEX "enrolment_movement_enrolment_id_idx" ON "enrolment_movement"("enrolment_id");

-- CreateIndex
CREATE INDEX "attendance_record_project_id_at_idx" ON "attendance_record"("project_id", "at");

-- CreateIndex
CREATE INDEX "attendance_record_worker_id_at_idx" ON "attendance_record"("worker_id", "at");

-- CreateIndex
CREATE INDEX "attendance_record_photo_hash_idx" ON "attendance_record"("photo_hash");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_record_device_id_device_record_id_key" ON "attendance_record"("device_id", "device_record_id");

-- CreateIndex
CREATE INDEX "attendance_anomaly_project_id_at_idx" ON "attendance_anomaly"("project_id", "at");

-- CreateIndex
CREATE INDEX "attendance_anomaly_region_code_at_idx" ON "attendance_anomaly"("region_code", "at");

-- CreateIndex
CREATE UNIQUE INDEX "attendance_anomaly_attendance_id_kind_key" ON "attendance_anomaly"("attendance_id", "kind");

-- CreateIndex
CREATE INDEX "audit_entry_subject_id_at_idx" ON "audit_entry"("subject_id", "at");

-- CreateIndex
CREATE INDEX "audit_entry_region_code_at_idx" ON "audit_entry"("region_code", "at");

-- CreateIndex
CREATE INDEX "real_name_card_person_id_idx" ON "real_name_card"("person_id");

-- AddForeignKey
ALTER TABLE "project_participant" ADD CONSTRAINT "project_participant_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_worker_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolment_movement" ADD CONSTRAINT "enrolment_movement_enrolment_id_fkey" FOREIGN KEY ("enrolment_id") REFERENCES "enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Seed the trade dictionary (工种) with the common construction trades (provinces may add more).
INSERT INTO "trade" ("code", "name") VALUES
  ('REBAR', '钢筋工'), ('MASON', '砌筑工'), ('CARPENTER', '木工'), ('CONCRETE', '混凝土工'),
  ('SCAFFOLDER', '架子工'), ('FORMWORK', '模板工'), ('PLASTERER', '抹灰工'), ('PAINTER', '油漆工'),
  ('WELDER', '电焊工'), ('ELECTRICIAN', '电工'), ('PLUMBER', '管道工'), ('MACHINE_OPERATOR', '机械操作工'),
  ('TOWER_CRANE', '塔吊司机'), ('SIGNALLER', '信号工'), ('WATERPROOFER', '防水工'), ('LABOURER', '普工')
ON CONFLICT DO NOTHING;
