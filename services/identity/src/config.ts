import { z } from 'zod';
import { parseConfig, platformConfigSchema, portSetting } from '@yikatong/platform';
import type { AttendancePolicy } from './domain/attendance';
import type { EnrolmentPolicy } from './domain/enrolment';
import type { WorkingAgePolicy } from './domain/worker';

const optionalAge = z.coerce.number().int().min(16).max(100).optional();

export const identityConfigSchema = platformConfigSchema.and(
  z.object({
    IDENTITY_PORT: portSetting(4001),
    IDENTITY_GRPC_PORT: portSetting(50051),
    /** Overrides the database URL derived from DATABASE_URL (embedded mode points it at PGlite). */
    IDENTITY_DATABASE_URL: z.string().url().optional(),
    // Province policy (DOMAIN.md marks these as config).
    WORKING_AGE_MIN: z.coerce.number().int().min(16).max(30).default(16),
    WORKING_AGE_MAX_MALE: optionalAge,
    WORKING_AGE_MAX_FEMALE: optionalAge,
    SAFETY_RETRAINING_AFTER_INACTIVE_DAYS: z.coerce.number().int().min(30).default(365),
    /** A subcontractor registers its workers within this many days of their entering the site. */
    ENROLMENT_REGISTRATION_DEADLINE_DAYS: z.coerce.number().int().min(0).max(90).default(10),
    ATTENDANCE_MAX_CLOCK_SKEW_MINUTES: z.coerce.number().int().min(0).max(120).default(10),
    ATTENDANCE_MAX_UPLOAD_DELAY_DAYS: z.coerce.number().int().min(1).max(366).default(35),
    /** Clock-ins of one worker on two projects closer than this are flagged as "two sites at once". */
    ATTENDANCE_TWO_SITES_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** An enterprise sees a worker until this many days after its last enrolment of them ends (or its registration of them). */
    EMPLOYER_SIGHT_AFTER_ENROLMENT_DAYS: z.coerce.number().int().min(0).max(3660).default(90),
  }),
);

export type IdentityConfig = z.infer<typeof identityConfigSchema>;

export const loadIdentityConfig = (env: Record<string, string | undefined> = process.env): IdentityConfig => parseConfig(identityConfigSchema, env);

export interface IdentityPolicy {
  workingAge: WorkingAgePolicy;
  enrolment: EnrolmentPolicy;
  attendance: AttendancePolicy & { twoSitesWindowMinutes: number };
  /** Days an employer keeps sight of a worker after the last enrolment (or registration) ends. */
  employerSightDays: number;
}

export function identityPolicy(config: IdentityConfig): IdentityPolicy {
  return {
    workingAge: { minAge: config.WORKING_AGE_MIN, maxAgeMale: config.WORKING_AGE_MAX_MALE ?? null, maxAgeFemale: config.WORKING_AGE_MAX_FEMALE ?? null },
    enrolment: {
      retrainAfterInactiveDays: config.SAFETY_RETRAINING_AFTER_INACTIVE_DAYS,
      registrationDeadlineDays: config.ENROLMENT_REGISTRATION_DEADLINE_DAYS,
    },
    attendance: {
      maxClockSkewMinutes: config.ATTENDANCE_MAX_CLOCK_SKEW_MINUTES,
      maxUploadDelayDays: config.ATTENDANCE_MAX_UPLOAD_DELAY_DAYS,
      twoSitesWindowMinutes: config.ATTENDANCE_TWO_SITES_WINDOW_MINUTES,
    },
    employerSightDays: config.EMPLOYER_SIGHT_AFTER_ENROLMENT_DAYS,
  };
}
