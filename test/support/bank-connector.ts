import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { BankCode } from '@yikatong/contracts';
import { type PlatformConfig } from '@yikatong/platform';
import * as testing from '@yikatong/platform/testing';
import type { PaymentOutcome } from '../../tools/bank-connector/src/core-banking';
import { PORTS, ROOT, tokenFor } from './system';

/** One settlement the connector reported and payroll's answer, from its log. */
export interface ReportedSettlement {
  lineId: string;
  outcome: 'PAID' | 'FAILED';
  result: string;
}

export interface BankConnectorProcess {
  /** What this process reported so far (from its debug log lines; none at LOG_LEVEL info). */
  reported: ReportedSettlement[];
  /** The payments in the core-banking journal, in order (one entry per payment made). */
  journal(): PaymentOutcome[];
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface BankConnectorOptions {
  bankCode: BankCode;
  /** The core-banking adapter's folder (kept across restarts: it is the bank's memory). */
  dir: string;
  /** gRPC client certificate files (CN bank:<CODE>); plaintext without them. */
  tls?: { ca: string; cert: string; key: string };
  settings?: Record<string, string>;
}

/**
 * Starts tools/bank-connector as its own OS process, as a bank would run it: its Kafka user, a BANK
 * token in a file, payroll's gRPC port of the test system. Resolves once it consumes.
 */
export async function startBankConnector(config: PlatformConfig, options: BankConnectorOptions): Promise<BankConnectorProcess> {
  mkdirSync(options.dir, { recursive: true });
  const tokenFile = path.join(options.dir, 'token');
  writeFileSync(tokenFile, await tokenFor(config, { sub: `${options.bankCode.toLowerCase()}-connector`, kind: 'BANK', bank: options.bankCode }));
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    // Each report is a debug line: what `reported` is read from.
    LOG_LEVEL: 'debug',
    BANK_CODE: options.bankCode,
    KAFKA_BROKERS: config.KAFKA_BROKERS,
    PAYROLL_GRPC_ADDRESS: `127.0.0.1:${PORTS.payrollGrpc}`,
    BANK_TOKEN_FILE: tokenFile,
    CORE_BANKING_DIR: options.dir,
    ...(options.tls
      ? { GRPC_PLAINTEXT: 'refused', GRPC_TLS_CA_FILE: options.tls.ca, GRPC_TLS_CERT_FILE: options.tls.cert, GRPC_TLS_KEY_FILE: options.tls.key }
      : { GRPC_PLAINTEXT: 'allowed' }),
    ...options.settings,
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tools', 'bank-connector', 'src', 'main.ts')], {
    cwd: path.join(ROOT, 'tools', 'bank-connector'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logDir = path.join(ROOT, '.data', 'e2e-logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `bank-connector-${options.bankCode.toLowerCase()}.log`), { flags: 'a' });
  child.stderr!.pipe(log);
  const reported: ReportedSettlement[] = [];
  let consuming = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    log.write(`${line}\n`);
    try {
      const entry = JSON.parse(line) as { msg?: string; lineId?: string; outcome?: 'PAID' | 'FAILED'; result?: string };
      if (entry.msg === 'bank connector consuming') consuming = true;
      if (entry.lineId && entry.outcome && entry.result) reported.push({ lineId: entry.lineId, outcome: entry.outcome, result: entry.result });
    } catch {
      // not a log line of the connector's (e.g. a stack trace): kept in the log file only
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await testing.eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`the bank connector exited (${child.exitCode}); see .data/e2e-logs`);
      return consuming || undefined;
    },
    60_000,
    'the bank connector to consume',
  );
  const journalFile = path.join(options.dir, 'payments.jsonl');
  return {
    reported,
    journal: () =>
      existsSync(journalFile)
        ? readFileSync(journalFile, 'utf8')
            .split('\n')
            .filter((line) => line.endsWith('}'))
            .map((line) => JSON.parse(line) as PaymentOutcome)
        : [],
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      await exited;
    },
  };
}
