import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, type KafkaConfig } from 'kafkajs';
import { kafkaBrokers, type PlatformConfig } from '../config';

export type KafkaConnectionSettings = Pick<
  PlatformConfig,
  'NODE_ENV' | 'KAFKA_BROKERS' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD' | 'KAFKA_CREDENTIALS_DIR' | 'KAFKA_TLS_CA_FILE'
>;

/** Where to reach the broker and as whom: what kafkajs needs besides a client id (spread into its config). */
export interface KafkaConnection {
  brokers: string[];
  /** TLS, verifying the broker by this CA or, when true, by the system's. */
  ssl: true | { ca: string[] };
  sasl: { mechanism: 'scram-sha-512'; username: string; password: string };
}

const repositoryRoot = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * The folder `npm run infra:up` writes for the local broker on a port: its CA and one password file
 * per Kafka user (infra/.kafka/broker-<port>/credentials).
 */
export function localKafkaCredentialsDir(brokerPort: number | string): string {
  return path.join(repositoryRoot, 'infra', '.kafka', `broker-${brokerPort}`, 'credentials');
}

function credentialsDir(config: KafkaConnectionSettings): string | undefined {
  if (config.KAFKA_CREDENTIALS_DIR) return config.KAFKA_CREDENTIALS_DIR;
  if (config.NODE_ENV === 'production') return undefined;
  const port = kafkaBrokers(config)[0]?.split(':').at(-1);
  return port ? localKafkaCredentialsDir(port) : undefined;
}

/** The CA the broker's certificate is checked against: KAFKA_TLS_CA_FILE, or ca.crt of the credentials folder; undefined means the system's. */
export function kafkaCaFile(config: KafkaConnectionSettings): string | undefined {
  const dir = credentialsDir(config);
  return config.KAFKA_TLS_CA_FILE ?? (dir && existsSync(path.join(dir, 'ca.crt')) ? path.join(dir, 'ca.crt') : undefined);
}

/**
 * The connection of one Kafka user: TLS to the broker (its CA from the settings) and SASL/SCRAM-SHA-512
 * with the user's password. `user` is the process's own user, used unless KAFKA_SASL_USERNAME names another.
 */
export function kafkaConnection(config: KafkaConnectionSettings, user: string): KafkaConnection {
  const username = config.KAFKA_SASL_USERNAME ?? user;
  const dir = credentialsDir(config);
  const passwordFile = dir && path.join(dir, `${username}.password`);
  const password = config.KAFKA_SASL_PASSWORD ?? (passwordFile && existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined);
  if (!password) {
    throw new Error(
      `Kafka user ${username} has no password: set KAFKA_SASL_PASSWORD, or KAFKA_CREDENTIALS_DIR to a folder holding ${username}.password` +
        (passwordFile ? ` (none at ${passwordFile}; for the local broker run: npm run infra:up)` : ''),
    );
  }
  const caFile = kafkaCaFile(config);
  return {
    brokers: kafkaBrokers(config),
    ssl: caFile ? { ca: [readFileSync(caFile, 'utf8')] } : true,
    sasl: { mechanism: 'scram-sha-512', username, password },
  };
}

/**
 * A kafkajs client for a connection. kafkajs binds the credentials to the `sasl` object it is given
 * on first use, so each client gets its own copy: a connection can be shared without one client's
 * credentials leaking into another's.
 */
export function kafkaClient(connection: KafkaConnection, config: Omit<KafkaConfig, 'brokers' | 'ssl' | 'sasl'>): Kafka {
  return new Kafka({ ...config, ...connection, sasl: { ...connection.sasl } });
}
