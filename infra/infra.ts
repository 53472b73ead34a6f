// Local infrastructure for development and tests, with nothing but Java, Maven and the system's
// PostgreSQL: `npm run infra:up | infra:down | infra:status`.
//   Kafka 3.9 (KRaft, one node) from Maven Central jars, in infra/.kafka, logs in infra/.kafka/kafka.log
//   PostgreSQL: the server at DATABASE_URL if it answers, else a throwaway cluster in infra/.pg
//   Topics, Kafka users and ACLs from packages/contracts; one database per service with its migrations applied.
//   The broker takes SASL/SCRAM-SHA-512 over TLS only (kafka-security.ts); clients find the CA and their
//   passwords in infra/.kafka/broker-<port>/credentials.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { brokerTopics, KAFKA_ADMIN_USER } from '@yikatong/contracts';
import { kafkaConnection, localKafkaCredentialsDir, type KafkaConnection } from '@yikatong/platform';
import { applyAcls, brokerSecurity, createBrokerSecurity, scramFormatArguments, securityIsCurrent, type BrokerSecurity } from './kafka-security';

const root = path.resolve(__dirname, '..');
const kafkaPort = Number(process.env.KAFKA_PORT ?? 9092);
const libsDir = path.join(__dirname, '.kafka', 'libs');
// One folder per broker port, so the test broker (npm test uses 19092) and a developer's (9092) never mix.
const kafkaDir = path.join(__dirname, '.kafka', `broker-${kafkaPort}`);
const dataDir = path.join(kafkaDir, 'data');
const kafkaPidFile = path.join(kafkaDir, 'kafka.pid');
const kafkaLog = path.join(kafkaDir, 'kafka.log');
const controllerPort = kafkaPort + 1;
const brokers = process.env.KAFKA_BROKERS ?? `127.0.0.1:${kafkaPort}`;
const pgDir = path.join(__dirname, '.pg');
// Below the ephemeral port range, so an outgoing connection cannot be holding it.
const fallbackPgPort = 25429;
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function alive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

function fetchKafkaJars(): void {
  if (existsSync(libsDir) && readdirSync(libsDir).some((jar) => jar.startsWith('kafka_2.13-'))) return;
  console.log('infra: fetching Apache Kafka jars from Maven Central (first run only)…');
  execFileSync(
    'mvn',
    ['-q', '-B', '-f', path.join(__dirname, 'kafka', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libsDir}`, '-DincludeScope=runtime'],
    { stdio: 'inherit' },
  );
}

function writeKafkaConfig(security: BrokerSecurity): string {
  const file = path.join(kafkaDir, 'server.properties');
  writeFileSync(
    file,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
      `listeners=CLIENTS://127.0.0.1:${kafkaPort},CONTROLLER://127.0.0.1:${controllerPort}`,
      `advertised.listeners=CLIENTS://127.0.0.1:${kafkaPort}`,
      'controller.listener.names=CONTROLLER',
      'inter.broker.listener.name=CLIENTS',
      'listener.security.protocol.map=CONTROLLER:SSL,CLIENTS:SASL_SSL',
      ...security.properties('CLIENTS'),
      `log.dirs=${dataDir}`,
      'num.partitions=3',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=10',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      // Consumers join at once instead of waiting 3 s for more members (single-node development).
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}

function java(args: string[]): string[] {
  return ['-Xms256m', '-Xmx768m', `-Dlog4j.configuration=file:${path.join(__dirname, 'log4j.properties')}`, '-cp', `${libsDir}/*`, ...args];
}

// A fresh broker's log directory is formatted once. The cluster id is random base64url and so may
// begin with "-", which the tool would read as an option unless it is joined to its flag with "=".
// The tool's own words are kept so that a failure says why.
function formatStorage(config: string, security: BrokerSecurity): void {
  const clusterId = randomBytes(16).toString('base64url');
  const result = spawnSync('java', java(['kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', config, ...scramFormatArguments(security)]), {
    encoding: 'utf8',
  });
  if (result.status === 0) return;
  const said = `${result.error?.message ?? ''}\n${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
  throw new Error(`formatting Kafka's log directory failed (exit ${result.status}):\n${said}`);
}

async function kafkaUp(): Promise<void> {
  if (alive(kafkaPidFile) && (await kafkaAnswers())) {
    console.log(`infra: Kafka already running at ${brokers}`);
    return;
  }
  if (alive(kafkaPidFile)) await stopKafka();
  if (await portOpen(kafkaPort)) throw new Error(`port ${kafkaPort} is taken by another program; set KAFKA_PORT to a free port`);
  fetchKafkaJars();
  // SCRAM users are created when the log directory is formatted: a broker made before them, or for
  // other users than those declared now, is made afresh (the local broker holds nothing to keep).
  if (!securityIsCurrent(kafkaDir, kafkaPort)) {
    if (existsSync(dataDir)) console.log(`infra: the Kafka users changed; re-creating the local broker on port ${kafkaPort}`);
    rmSync(kafkaDir, { recursive: true, force: true });
    mkdirSync(kafkaDir, { recursive: true });
    createBrokerSecurity(kafkaDir, kafkaPort);
  }
  const security = brokerSecurity(kafkaDir, kafkaPort);
  mkdirSync(dataDir, { recursive: true });
  const config = writeKafkaConfig(security);
  if (!existsSync(path.join(dataDir, 'meta.properties'))) formatStorage(config, security);
  const log = openSync(kafkaLog, 'a');
  const child = spawn('java', java(['kafka.Kafka', config]), { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  writeFileSync(kafkaPidFile, String(child.pid));
  const deadline = Date.now() + 90_000;
  while (!(await kafkaAnswers())) {
    if (!alive(kafkaPidFile)) throw new Error(`Kafka exited during start; see ${kafkaLog}`);
    if (Date.now() > deadline) throw new Error(`Kafka did not become ready in 90 s; see ${kafkaLog}`);
    await sleep(500);
  }
  console.log(`infra: Kafka started at ${brokers} (log: ${path.relative(root, kafkaLog)})`);
}

/** The superuser's connection, or undefined before the broker's security exists. */
function adminConnection(): KafkaConnection | undefined {
  if (!securityIsCurrent(kafkaDir, kafkaPort)) return undefined;
  return kafkaConnection({ NODE_ENV: 'development', KAFKA_BROKERS: brokers, KAFKA_CREDENTIALS_DIR: localKafkaCredentialsDir(kafkaPort) }, KAFKA_ADMIN_USER);
}

async function kafkaAnswers(): Promise<boolean> {
  const connection = adminConnection();
  if (!connection || !(await portOpen(kafkaPort))) return false;
  const admin = new Kafka({ ...connection, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function createTopicsAndAcls(): Promise<void> {
  const connection = adminConnection();
  if (!connection) throw new Error('the broker has no users yet; run infra up');
  const admin = new Kafka({ ...connection, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = brokerTopics();
    const existing = new Set(await admin.listTopics());
    const missing = Object.entries(topics).filter(([topic]) => !existing.has(topic));
    if (missing.length) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map(([topic, numPartitions]) => ({ topic, numPartitions, replicationFactor: 1 })) });
    }
    console.log(`infra: topics ready (${Object.keys(topics).length}, ${missing.length} created)`);
    const [added, removed] = await applyAcls(admin);
    console.log(
      `infra: Kafka users and ACLs ready (${added} ACLs added, ${removed} removed); credentials in ${path.relative(root, localKafkaCredentialsDir(kafkaPort))}`,
    );
  } finally {
    await admin.disconnect();
  }
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).sort().at(-1) : undefined;
  if (!version) throw new Error('no PostgreSQL server binaries found; install them with: apt-get install -y postgresql');
  return path.join(base, version, 'bin', name);
}

/** initdb and postgres refuse to run as root: run them as the postgres user then. */
function asPostgresUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Returns the server URL to use: DATABASE_URL when it answers, else a throwaway local cluster. */
async function postgresUp(): Promise<string> {
  if (await postgresAnswers(databaseUrl)) {
    console.log(`infra: PostgreSQL answers at ${new URL(databaseUrl).host}`);
    return databaseUrl;
  }
  const fallbackUrl = `postgresql://postgres@127.0.0.1:${fallbackPgPort}/postgres`;
  if (await postgresAnswers(fallbackUrl)) return fallbackUrl;
  console.log('infra: no PostgreSQL at DATABASE_URL; starting a throwaway cluster in infra/.pg');
  const data = path.join(pgDir, 'data');
  mkdirSync(pgDir, { recursive: true });
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', pgDir]);
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    const [cmd, args] = asPostgresUser(postgresBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
    execFileSync(cmd, args, { stdio: 'ignore' });
  }
  const [cmd, args] = asPostgresUser(postgresBin('pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(pgDir, 'postgres.log'),
    '-o',
    `-p ${fallbackPgPort} -k /tmp -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  execFileSync(cmd, args, { stdio: 'ignore' });
  console.log(`infra: PostgreSQL started at 127.0.0.1:${fallbackPgPort}; use DATABASE_URL=${fallbackUrl}`);
  return fallbackUrl;
}

function migrate(serverUrl: string): void {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'migrate.mjs'), 'deploy'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: serverUrl } });
}

async function stopKafka(): Promise<void> {
  const pid = Number(readFileSync(kafkaPidFile, 'utf8'));
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 60 && alive(kafkaPidFile); i += 1) await sleep(500);
  if (alive(kafkaPidFile)) process.kill(pid, 'SIGKILL');
  rmSync(kafkaPidFile, { force: true });
}

async function down(): Promise<void> {
  if (alive(kafkaPidFile)) {
    await stopKafka();
    console.log('infra: Kafka stopped');
  } else console.log('infra: Kafka was not running');
  rmSync(kafkaPidFile, { force: true });
  if (existsSync(path.join(pgDir, 'data', 'postmaster.pid'))) {
    const [cmd, args] = asPostgresUser(postgresBin('pg_ctl'), ['-D', path.join(pgDir, 'data'), '-m', 'fast', 'stop']);
    execFileSync(cmd, args, { stdio: 'ignore' });
    console.log('infra: throwaway PostgreSQL stopped');
  }
}

async function status(): Promise<void> {
  console.log(`Kafka      ${(await kafkaAnswers()) ? `running at ${brokers}` : 'not running'}`);
  console.log(`PostgreSQL ${(await postgresAnswers(databaseUrl)) ? `answers at ${new URL(databaseUrl).host}` : 'not answering at DATABASE_URL'}`);
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command === 'up') {
    const serverUrl = await postgresUp();
    await kafkaUp();
    await createTopicsAndAcls();
    migrate(serverUrl);
    console.log(`infra: ready. KAFKA_BROKERS=${brokers} DATABASE_URL=${serverUrl}`);
  } else if (command === 'down') await down();
  else if (command === 'status') await status();
  else throw new Error('usage: infra up|down|status');
}

main().catch((error: unknown) => {
  console.error(`infra: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
