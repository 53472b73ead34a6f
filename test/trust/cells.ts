import { callUnary, grpc, loadService, mintServiceToken, SERVICE_TOKEN_HEADER } from '@yikatong/platform';
import { TRUST_PORTS, type TrustSystem } from './federation';
import { GC, WORKER, type Fixture } from './fixture';
import type { Operation } from './operations';

/** What one principal got from one operation. */
export interface Cell {
  /** OK (an answer with something in it), EMPTY (null or nothing listed), or the stable code of the refusal or error. */
  outcome: string;
  /** Which of the fixture worker's personal data appeared in full in the answer. */
  plaintext: Array<'idNumber' | 'phone' | 'bankCard'>;
  /** Errors in the answer without a stable code, or with an internal one. */
  uncoded: string[];
  /** The answer as received (shortened), for a failing cell's message. */
  answer: string;
}

/** The codes that mean "not for you": every other outcome got past authorization. */
export const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

interface GraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

function plaintextIn(text: string): Cell['plaintext'] {
  const found: Cell['plaintext'] = [];
  if (text.includes(WORKER.idNumber)) found.push('idNumber');
  if (text.includes(WORKER.phone)) found.push('phone');
  if (text.includes(WORKER.cardNumber)) found.push('bankCard');
  return found;
}

/**
 * Whether an answer shows nothing: null, nothing listed, or an object with nothing in it but its
 * type name, the key it was asked by and empty lists (what an entity the caller may not see answers).
 */
function isEmpty(value: unknown, keys: readonly string[] = []): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.every((item) => isEmpty(item, keys));
  if (typeof value !== 'object') return false;
  const shown = Object.entries(value).filter(([name]) => name !== '__typename' && !keys.includes(name));
  if (shown.length === 0) return true;
  const nodes = shown.find(([name]) => name === 'nodes');
  if (nodes) return isEmpty(nodes[1]);
  return shown.every(([, inner]) => inner === null || (Array.isArray(inner) && inner.length === 0));
}

function graphCell(field: string, text: string, status: number, keys: readonly string[] = []): Cell {
  const body = JSON.parse(text) as GraphAnswer;
  const errors = body.errors ?? [];
  const uncoded = errors
    .filter((error) => !error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR')
    .map((error) => `${error.path?.join('.') ?? ''}: ${error.message}`);
  const value = body.data?.[field];
  const rootError = errors.find(
    (error) =>
      !error.path || error.path.length === 0 || (error.path[0] === field && (error.path.length === 1 || (field === '_entities' && error.path.length === 2))),
  );
  let outcome: string;
  if (rootError) outcome = rootError.extensions?.code ?? `HTTP_${status}`;
  // Only fields inside the answer were refused (e.g. a bank is not shown how a deposit's rate was set): the call itself went through.
  else if (errors.length && isEmpty(value, keys)) outcome = `WITHHELD_${errors[0]!.extensions?.code ?? status}`;
  else outcome = isEmpty(value, keys) ? 'EMPTY' : 'OK';
  return { outcome, plaintext: plaintextIn(text), uncoded, answer: text.slice(0, 600) };
}

const GRPC_ADDRESSES: Record<string, number> = {
  'yikatong.identity.v1.WorkerRegistry': TRUST_PORTS.identityGrpc,
  'yikatong.enterprise.v1.BiddingEligibility': TRUST_PORTS.enterpriseGrpc,
  'yikatong.payroll.v1.PayrollSettlement': TRUST_PORTS.payrollGrpc,
};

/** A request each method's rightful caller would send about the fixture. */
const GRPC_REQUESTS: Record<string, (f: Fixture) => unknown> = {
  CheckBiddingEligibility: (f) => ({ uscc: GC, tenderId: f.tenderId }),
  GetDepositRateInputs: () => ({ uscc: GC }),
  VerifyWorkers: (f) => ({ projectId: f.projectId, period: f.period, workerIds: [], firstDay: '', lastDay: '' }),
  GetCardStatus: (f) => ({ personId: f.workerId }),
  ReportSettlements: (f) => ({ reports: [{ lineId: f.lineId, outcome: 'FAILED', bankReference: 'CCB-MATRIX-9', failureReason: '账户已冻结', settledAt: '' }] }),
};

/** Runs operations as principals against one running system. */
export function cellRunner(system: TrustSystem, fixture: Fixture) {
  const clients = new Map<string, grpc.Client>();
  const client = (operation: Extract<Operation, { kind: 'grpc' }>) => {
    let found = clients.get(operation.service);
    if (!found) {
      const Service = loadService(operation.protoFile, operation.service);
      found = new Service(`127.0.0.1:${GRPC_ADDRESSES[operation.service]}`, grpc.credentials.createInsecure());
      clients.set(operation.service, found);
    }
    return found;
  };
  const post = async (url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, text: await response.text() };
  };
  const bearer = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

  return {
    async run(operation: Operation, token: string | undefined): Promise<Cell> {
      if (operation.kind === 'graph') {
        const { status, text } = await post(system.gatewayUrl, bearer(token), operation.document, operation.variables(fixture));
        return graphCell(operation.name.split('.')[1]!, text, status);
      }
      if (operation.kind === 'entity') {
        // As the gateway calls a subgraph: its own service token, and the caller's token passed on.
        const headers = { [SERVICE_TOKEN_HEADER]: await mintServiceToken(system.config, 'gateway'), ...bearer(token) };
        const representation = operation.representation(fixture);
        const { status, text } = await post(system.subgraphUrls[operation.subgraph], headers, operation.document, { r: [representation] });
        return graphCell('_entities', text, status, Object.keys(representation));
      }
      const request = GRPC_REQUESTS[operation.method];
      if (!request) throw new Error(`the matrix has no request for gRPC ${operation.name}: add one to GRPC_REQUESTS`);
      try {
        const response = await callUnary<unknown>(client(operation), operation.method, request(fixture), { token: token ?? '', deadlineMs: 10_000 });
        const text = JSON.stringify(response);
        return { outcome: isEmpty(response) ? 'EMPTY' : 'OK', plaintext: plaintextIn(text), uncoded: [], answer: text.slice(0, 600) };
      } catch (error) {
        const failure = error as grpc.ServiceError;
        const code = failure.metadata?.get('yikatong-error-code')[0]?.toString();
        return {
          outcome: code ?? `GRPC_${grpc.status[failure.code]}`,
          plaintext: [],
          uncoded: code ? [] : [`${operation.name}: ${failure.details}`],
          answer: failure.details,
        };
      }
    },
    close() {
      for (const open of clients.values()) open.close();
    },
  };
}
