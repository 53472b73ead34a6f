import { z } from 'zod';

export const PRINCIPAL_KINDS = ['PORTAL', 'BANK', 'ENTERPRISE', 'WORKER', 'ANALYTICS', 'SERVICE'] as const;
export const DEPARTMENTS = ['HOUSING_CONSTRUCTION', 'HRSS', 'LABOUR_INSPECTION'] as const;

/** Permissions carried in the token's space-separated `scope` claim. */
export const SCOPES = {
  cardFreeze: 'card:freeze',
  enterpriseRegister: 'enterprise:register',
  eligibilityCheck: 'eligibility:check',
  piiRead: 'pii:read',
  auditRead: 'audit:read',
  /** Decide listings on, and removals from, the wage-arrears dishonesty list (HRSS, labour inspection). */
  blacklistDecide: 'blacklist:decide',
  /** Register projects and their subcontracting chain (general contractors, housing-construction portals). */
  projectRegister: 'project:register',
  /** Review and approve project lifecycle steps, open tenders and award them (the owning department). */
  projectReview: 'project:review',
  /** Record good and bad credit entries for enterprises (信用记录). */
  creditRecord: 'credit:record',
  /** Register workers and enrol them on projects (enterprises, service-centre agents). */
  workerRegister: 'worker:register',
  /** Gate devices and their operators: submit attendance records. */
  attendanceWrite: 'attendance:write',
  /** A service-centre agent acting for a worker who is present (代办). */
  agentActForWorker: 'agent:act-for-worker',
  /** Prepare wage sheets for the enterprise's workers (the employer's payroll clerk). */
  wagesPrepare: 'wages:prepare',
  /** Review wage sheets on the general contractor's projects (劳资专管员, the labour-wage officer). */
  wagesReview: 'wages:review',
  /** Approve reviewed sheets for payment, and schedule labour-cost funding (the general contractor). */
  wagesApprove: 'wages:approve',
  /** Order a drawdown of a wage guarantee deposit and review its release (HRSS, labour inspection, housing-construction). */
  depositManage: 'deposit:manage',
  /** Handle complaints: accept, investigate, verify, forward (labour inspection, bureaux, hotline operators). */
  complaintHandle: 'complaint:handle',
  /** Run training: providers, programmes, sessions, hours, completion and district targets. */
  trainingManage: 'training:manage',
  /** Define service types and handle service-window requests (centres and departments). */
  serviceManage: 'service:manage',
} as const;

export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];
export type Department = (typeof DEPARTMENTS)[number];

/** GB/T 2260 administrative division code: 6 digits. */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, 'region code is 6 digits (GB/T 2260)');

export const claimsSchema = z.object({
  sub: z.string().min(1),
  kind: z.enum(PRINCIPAL_KINDS),
  dept: z.enum(DEPARTMENTS).optional(),
  regions: z.array(regionCodeSchema).default([]),
  bank: z.string().optional(),
  uscc: z.string().optional(),
  /** Service centre (服务站) an agent works at. */
  centre: z.string().optional(),
  scope: z.string().default(''),
});

export type TokenClaims = z.input<typeof claimsSchema>;

export interface Principal {
  readonly subject: string;
  readonly kind: PrincipalKind;
  readonly department?: Department;
  readonly regionCodes: readonly string[];
  readonly bankCode?: string;
  readonly enterpriseUscc?: string;
  readonly serviceCentreId?: string;
  readonly scopes: ReadonlySet<string>;
}

export function principalFromClaims(claims: unknown): Principal {
  const parsed = claimsSchema.parse(claims);
  return {
    subject: parsed.sub,
    kind: parsed.kind,
    department: parsed.dept,
    regionCodes: parsed.regions,
    bankCode: parsed.bank,
    enterpriseUscc: parsed.uscc,
    serviceCentreId: parsed.centre,
    scopes: new Set(parsed.scope.split(/\s+/).filter(Boolean)),
  };
}

/**
 * The prefix a region code stands for: 130000 (Hebei) → "13", 130500 (Xingtai) → "1305",
 * 130502 → "130502", 000000 (national) → "".
 */
export function regionPrefix(regionCode: string): string {
  let prefix = regionCode;
  while (prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

/**
 * The codes a region stands for as a range an index can use whatever the database's collation:
 * [prefix, prefix + "A") holds exactly the digit codes that start with the prefix (letters sort after
 * digits). Null for the national code: every region.
 */
export function regionRange(regionCode: string): { gte: string; lt: string } | null {
  const prefix = regionPrefix(regionCode);
  return prefix ? { gte: prefix, lt: `${prefix}A` } : null;
}

export function regionCovers(scopeRegion: string, regionCode: string): boolean {
  return regionCode.startsWith(regionPrefix(scopeRegion));
}
