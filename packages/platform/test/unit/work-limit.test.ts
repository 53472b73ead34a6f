import { AppError, UnavailableError } from '../../src/errors';
import { callUnary, grpc, loadService, startGrpcServer, unary } from '../../src/grpc';
import { principalFromClaims } from '../../src/auth/principal';
import { createLogger } from '../../src/logger';
import { createWorkLimit } from '../../src/work-limit';

/** A promise and the function that settles it, for work a test finishes when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('a work limit', () => {
  it('runs at most inFlight at once, queues up to queued in arrival order, and refuses the rest with a retryable OVERLOADED', async () => {
    const limit = createWorkLimit({ name: 'reports', inFlight: 2, queued: 2 });
    const started: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const runs = gates.map((g, n) =>
      limit.run(async () => {
        started.push(n);
        await g.opened;
        return n;
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    const refused = await limit.run(async () => 'never').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect(refused).toMatchObject({ code: 'OVERLOADED', retryable: true, retryAfterMs: 1000 });
    gates[1]!.open();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('frees its place when the work fails', async () => {
    const limit = createWorkLimit({ name: 'reports', inFlight: 1, queued: 0 });
    await expect(
      limit.run(async () => {
        throw new AppError('NOPE', 'no');
      }),
    ).rejects.toMatchObject({ code: 'NOPE' });
    await expect(limit.run(async () => 'ok')).resolves.toBe('ok');
  });
});

describe('gRPC statuses', () => {
  it('tell a retryable refusal (overload, database busy or down) from a fault, with the code and a retry hint', async () => {
    const Settlement = loadService('payroll/settlement.proto', 'yikatong.payroll.v1.PayrollSettlement');
    const failures: unknown[] = [
      new UnavailableError('OVERLOADED', 'busy'),
      Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' }),
      Object.assign(new Error("Can't reach database server"), { code: 'P1001' }),
      new TypeError('a bug'),
    ];
    let call = 0;
    const bank = principalFromClaims({ sub: 'icbc-ops', kind: 'BANK', bank: 'ICBC' });
    const server = await startGrpcServer(
      0,
      [
        {
          definition: Settlement.service,
          implementation: {
            ReportSettlements: unary(
              async () => bank,
              createLogger('test', 'silent'),
              async () => {
                throw failures[call++];
              },
            ),
          },
        },
      ],
      grpc.ServerCredentials.createInsecure(),
    );
    const client = new Settlement(`127.0.0.1:${server.port}`, grpc.credentials.createInsecure());
    try {
      const statuses = [];
      for (let n = 0; n < failures.length; n += 1) {
        const error = (await callUnary(client, 'ReportSettlements', { reports: [] }, { token: 't' }).catch((failure: unknown) => failure)) as grpc.ServiceError;
        statuses.push([grpc.status[error.code], error.metadata.get('yikatong-error-code')[0]?.toString(), error.metadata.get('retry-after-ms')[0]?.toString()]);
      }
      expect(statuses).toEqual([
        ['RESOURCE_EXHAUSTED', 'OVERLOADED', '1000'],
        ['UNAVAILABLE', 'DATABASE_BUSY', '1000'],
        ['UNAVAILABLE', 'DATABASE_UNAVAILABLE', '1000'],
        ['INTERNAL', undefined, undefined],
      ]);
    } finally {
      client.close();
      await server.close();
    }
  });
});
