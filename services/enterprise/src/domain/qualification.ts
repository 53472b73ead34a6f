import { randomUUID } from 'node:crypto';
import { addDays, AppError, chinaMidnight, daysBetween } from '@yikatong/platform';
import { RULES } from './eligibility';

/** 资质等级: 特级 > 一级 > 二级 > 三级; labour-service qualifications are ungraded (施工劳务不分等级). */
export const QUALIFICATION_GRADES = ['SPECIAL', 'FIRST', 'SECOND', 'THIRD', 'UNGRADED'] as const;
export type QualificationGrade = (typeof QUALIFICATION_GRADES)[number];

const RANK: Record<QualificationGrade, number> = { SPECIAL: 4, FIRST: 3, SECOND: 2, THIRD: 1, UNGRADED: 0 };

export interface Qualification {
  id: string;
  uscc: string;
  /** e.g. 建筑工程施工总承包, 施工劳务. */
  category: string;
  grade: QualificationGrade;
  certificateNumber: string;
  issuedBy: string;
  /** Last valid day, YYYY-MM-DD (China time). */
  validUntil: string;
  remindedFor: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface QualificationRequirement {
  category: string;
  minGrade: QualificationGrade;
}

export interface QualificationPolicy {
  /** Days before expiry that the enterprise and its portal are reminded (config). */
  reminderDays: number;
}

const fail = (code: string, field: string, message: string) => new AppError(code, message, field);

export function recordQualification(
  request: { uscc: string; category: string; grade: QualificationGrade; certificateNumber: string; issuedBy: string; validUntil: string },
  existing: Qualification | null,
  today: string,
  actor: string,
  at: Date,
): Qualification {
  const category = request.category.trim();
  if (category.length < 2 || category.length > 100)
    throw fail('INVALID_CATEGORY', 'category', 'Name the qualification category (资质类别), 2 to 100 characters.');
  const certificateNumber = request.certificateNumber.trim();
  if (!/^[0-9A-Za-z\u4e00-\u9fa5-]{6,40}$/.test(certificateNumber)) {
    throw fail('INVALID_CERTIFICATE_NUMBER', 'certificateNumber', 'The certificate number has 6 to 40 letters, digits or Chinese characters.');
  }
  const issuedBy = request.issuedBy.trim();
  if (issuedBy.length < 2) throw fail('INVALID_ISSUER', 'issuedBy', 'Name the issuing authority (发证机关).');
  if (request.validUntil < today) throw fail('ALREADY_EXPIRED', 'validUntil', `The certificate expired on ${request.validUntil}; record a valid one.`);
  return {
    id: existing?.id ?? randomUUID(),
    uscc: request.uscc,
    category,
    grade: request.grade,
    certificateNumber,
    issuedBy,
    validUntil: request.validUntil,
    // A renewed expiry date gets its own reminder.
    remindedFor: existing && existing.validUntil === request.validUntil ? existing.remindedFor : null,
    recordedBy: actor,
    recordedAt: at,
  };
}

export const isValidOn = (qualification: Qualification, today: string) => qualification.validUntil >= today;

export const daysUntil = (day: string, today: string): number => daysBetween(today, day);

/** Whether the reminder for this expiry is due and not yet sent. */
export function reminderDue(qualification: Qualification, today: string, policy: QualificationPolicy): boolean {
  return (
    isValidOn(qualification, today) &&
    qualification.remindedFor !== qualification.validUntil &&
    daysUntil(qualification.validUntil, today) <= policy.reminderDays
  );
}

/** The tender requirements the enterprise's valid qualifications do not meet. */
export function unmetRequirements(
  requirements: readonly QualificationRequirement[],
  qualifications: readonly Qualification[],
  today: string,
): QualificationRequirement[] {
  return requirements.filter(
    (requirement) =>
      !qualifications.some((held) => held.category === requirement.category && isValidOn(held, today) && RANK[held.grade] >= RANK[requirement.minGrade]),
  );
}

export const describeRequirement = (requirement: QualificationRequirement) =>
  requirement.minGrade === 'UNGRADED' ? requirement.category : `${requirement.category} (${requirement.minGrade.toLowerCase()} grade or above)`;

/**
 * "Qualification valid": once an enterprise has qualifications on record, at least one must be
 * valid. The block names the expired certificates and dates from the latest expiry.
 */
export function expiredQualificationBlock(qualifications: readonly Qualification[], today: string) {
  if (qualifications.length === 0 || qualifications.some((held) => isValidOn(held, today))) return null;
  const latest = [...qualifications].sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0]!;
  return {
    rule: RULES.qualificationExpired,
    subjectId: latest.uscc,
    message: `No valid qualification (资质): ${qualifications.map((held) => `${held.category} ${held.certificateNumber} expired ${held.validUntil}`).join('; ')}. Record a renewed certificate.`,
    source: `enterprise:qualification#${latest.id}`,
    // The day after the last valid day, at 00:00 China time.
    since: chinaMidnight(addDays(latest.validUntil, 1)),
  };
}
