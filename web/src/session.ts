/** The signed-in principal, as its token says (the graph verifies the token; the app only reads who it is for). */
const KINDS = ['PORTAL', 'ENTERPRISE', 'WORKER', 'ANALYTICS', 'BANK', 'TRADING_PLATFORM', 'SERVICE'] as const;
export type PrincipalKind = (typeof KINDS)[number];
const isKind = (value: unknown): value is PrincipalKind => KINDS.some((kind) => kind === value);

export interface Principal {
  token: string;
  kind: PrincipalKind;
  sub: string;
  regions: string[];
  uscc?: string;
  dept?: string;
  scopes: string[];
  expiresAt?: number;
}

const STORAGE_KEY = 'yikatong.session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null) throw new Error('not a JWT');
  return Object.fromEntries(Object.entries(claims));
}

export function principalOf(token: string): Principal {
  const claims = claimsOf(token);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (!isKind(claims.kind)) throw new Error('the token names no kind of caller');
  return {
    token,
    kind: claims.kind,
    sub: text(claims.sub) ?? '',
    regions: Array.isArray(claims.regions) ? claims.regions.filter((region): region is string => typeof region === 'string') : [],
    uscc: text(claims.uscc),
    dept: text(claims.dept),
    scopes: (text(claims.scope) ?? '').split(' ').filter(Boolean),
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  };
}

export function savedPrincipal(now: number): Principal | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return undefined;
  try {
    const principal = principalOf(token);
    return principal.expiresAt && principal.expiresAt <= now ? undefined : principal;
  } catch {
    return undefined;
  }
}

export const saveSession = (token: string) => sessionStorage.setItem(STORAGE_KEY, token);
export const endSession = () => sessionStorage.removeItem(STORAGE_KEY);
