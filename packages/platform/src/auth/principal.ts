import { z } from 'zod';

export const PRINCIPAL_KINDS = ['PORTAL', 'BANK', 'ENTERPRISE', 'WORKER', 'ANALYTICS', 'TRADING_PLATFORM', 'SERVICE'] as const;
/**
 * The kinds a user identity provider may name. SERVICE is our own processes only: it comes from a
 * token signed with the service secret for the internal audience (see tokens.ts), never from the IdP.
 */
export const USER_PRINCIPAL_KINDS = ['PORTAL', 'BANK', 'ENTERPRISE', 'WORKER', 'ANALYTICS', 'TRADING_PLATFORM'] as const;
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

const scopeClaim = z.string().default('');
/** A claim the kind cannot do without: absent or blank, the token is refused with `message`. */
const requiredClaim = (message: string) => z.string({ error: message }).trim().min(1, message);
const subjectClaim = requiredClaim('the token names no subject (sub)');
const REGIONS_MESSAGE = 'this kind of token names at least one region (regions)';
const regionsClaim = z.array(regionCodeSchema, { error: REGIONS_MESSAGE }).min(1, REGIONS_MESSAGE);

/**
 * What each kind of token must carry: a claim a rule filters by is never optional, so a token
 * missing it is refused instead of seeing everything (Prisma reads an absent filter as "all rows").
 */
export const claimsSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('PORTAL'),
      sub: subjectClaim,
      scope: scopeClaim,
      regions: regionsClaim,
      dept: z.enum(DEPARTMENTS, { error: `a portal token names its department (dept: ${DEPARTMENTS.join(', ')})` }),
      /** Service centre (服务站) an agent works at. */
      centre: z.string().min(1).optional(),
    }),
    z.object({ kind: z.literal('BANK'), sub: subjectClaim, scope: scopeClaim, bank: requiredClaim('a bank token names its bank code (bank)') }),
    z.object({ kind: z.literal('ENTERPRISE'), sub: subjectClaim, scope: scopeClaim, uscc: requiredClaim('an enterprise token names its USCC (uscc)') }),
    z.object({ kind: z.literal('ANALYTICS'), sub: subjectClaim, scope: scopeClaim, regions: regionsClaim }),
    z.object({ kind: z.literal('WORKER'), sub: z.uuid({ error: 'a worker token names the worker (sub is the worker id)' }), scope: scopeClaim }),
    z.object({ kind: z.literal('TRADING_PLATFORM'), sub: subjectClaim, scope: scopeClaim }),
    z.object({ kind: z.literal('SERVICE'), sub: subjectClaim, scope: scopeClaim }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `kind must be one of ${PRINCIPAL_KINDS.join(', ')}` : undefined) },
);

/** Claims of any principal, our own processes' SERVICE included. */
export type PrincipalClaims = z.input<typeof claimsSchema>;
/** Claims a user identity provider's token may carry: every kind but SERVICE. */
export type TokenClaims = Exclude<PrincipalClaims, { kind: 'SERVICE' }>;

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

/** Why claims cannot make a principal, in words a caller can act on. */
export class InvalidClaims extends Error {}

/** Claims checked against their kind's schema; throws InvalidClaims naming each claim that is wrong or missing. */
export function parseClaims(claims: unknown): z.output<typeof claimsSchema> {
  const result = claimsSchema.safeParse(claims);
  if (result.success) return result.data;
  throw new InvalidClaims(result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '));
}

/** The principal a token's claims describe; throws InvalidClaims when the kind lacks a claim it must carry. */
export function principalFromClaims(claims: unknown): Principal {
  const parsed = parseClaims(claims);
  return {
    subject: parsed.sub,
    kind: parsed.kind,
    department: parsed.kind === 'PORTAL' ? parsed.dept : undefined,
    regionCodes: parsed.kind === 'PORTAL' || parsed.kind === 'ANALYTICS' ? parsed.regions : [],
    bankCode: parsed.kind === 'BANK' ? parsed.bank : undefined,
    enterpriseUscc: parsed.kind === 'ENTERPRISE' ? parsed.uscc : undefined,
    serviceCentreId: parsed.kind === 'PORTAL' ? parsed.centre : undefined,
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
