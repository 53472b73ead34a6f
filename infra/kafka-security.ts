// The local broker's security, from the declaration in packages/contracts (kafka-users.ts): a local CA
// and the broker's certificate, one SCRAM-SHA-512 password per Kafka user, and the ACLs.
//   infra/.kafka/broker-<port>/tls          the broker's key and certificate (PEM)
//   infra/.kafka/broker-<port>/credentials  ca.crt and <user>.password: what clients need (KAFKA_CREDENTIALS_DIR)
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes, type AclEntry, type Admin } from 'kafkajs';
import { KAFKA_ADMIN_USER, kafkaUsers, type AclOperation, type KafkaAcl } from '@yikatong/contracts';
import { localKafkaCredentialsDir, makeLocalCertificates } from '@yikatong/platform';

/** The broker's own certificate name: the principal of its controller connection (mutual TLS), a superuser. */
const BROKER_CERTIFICATE = 'kafka-broker';

export interface BrokerSecurity {
  /** Every user's password, the superuser's included. */
  passwords: ReadonlyMap<string, string>;
  /** server.properties lines for the client listener (SASL_SSL) and the controller listener (mutual TLS). */
  properties(listener: string): string[];
}

export const declaredUsers = (): string[] => [KAFKA_ADMIN_USER, ...kafkaUsers().map((user) => user.name)];

/** True when the broker's data was formatted for exactly the users declared now (SCRAM users are set when formatting). */
export function securityIsCurrent(kafkaDir: string, kafkaPort: number): boolean {
  const dir = localKafkaCredentialsDir(kafkaPort);
  return existsSync(path.join(kafkaDir, 'tls', 'broker.pem')) && declaredUsers().every((user) => existsSync(path.join(dir, `${user}.password`)));
}

/** Makes the certificates and passwords (new ones: call it only for a broker about to be formatted). */
export function createBrokerSecurity(kafkaDir: string, kafkaPort: number): void {
  const tlsDir = path.join(kafkaDir, 'tls');
  const credentialsDir = localKafkaCredentialsDir(kafkaPort);
  mkdirSync(credentialsDir, { recursive: true });
  const certificates = makeLocalCertificates(tlsDir, [BROKER_CERTIFICATE]);
  const broker = certificates.of(BROKER_CERTIFICATE);
  writeFileSync(path.join(tlsDir, 'broker.pem'), readFileSync(broker.key, 'utf8') + readFileSync(broker.cert, 'utf8'), { mode: 0o600 });
  writeFileSync(path.join(credentialsDir, 'ca.crt'), readFileSync(certificates.ca, 'utf8'));
  for (const user of declaredUsers()) {
    writeFileSync(path.join(credentialsDir, `${user}.password`), randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
}

export function brokerSecurity(kafkaDir: string, kafkaPort: number): BrokerSecurity {
  const tlsDir = path.join(kafkaDir, 'tls');
  const credentialsDir = localKafkaCredentialsDir(kafkaPort);
  const passwords = new Map(declaredUsers().map((user) => [user, readFileSync(path.join(credentialsDir, `${user}.password`), 'utf8').trim()]));
  return {
    passwords,
    properties: (listener) => [
      'sasl.enabled.mechanisms=SCRAM-SHA-512',
      'sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512',
      `listener.name.${listener.toLowerCase()}.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_ADMIN_USER}" password="${passwords.get(KAFKA_ADMIN_USER)}";`,
      'ssl.keystore.type=PEM',
      `ssl.keystore.location=${path.join(tlsDir, 'broker.pem')}`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${path.join(tlsDir, 'ca.crt')}`,
      // The controller listener takes only the broker itself, by its certificate.
      'listener.name.controller.ssl.client.auth=required',
      'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      'allow.everyone.if.no.acl.found=false',
      `super.users=User:${KAFKA_ADMIN_USER};User:CN=${BROKER_CERTIFICATE}`,
    ],
  };
}

/** The StorageTool arguments that create every user's SCRAM credentials when the log directory is formatted. */
export function scramFormatArguments(security: BrokerSecurity): string[] {
  return [...security.passwords].flatMap(([user, password]) => ['--add-scram', `SCRAM-SHA-512=[name=${user},password=${password}]`]);
}

const OPERATION: Record<AclOperation, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
};

function entries(user: string, acl: KafkaAcl): AclEntry[] {
  return acl.operations.map((operation) => ({
    resourceType: acl.resource.type === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
    resourceName: acl.resource.name,
    resourcePatternType: acl.resource.patternType === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
    principal: `User:${user}`,
    host: '*',
    operation: OPERATION[operation],
    permissionType: AclPermissionTypes.ALLOW,
  }));
}

const keyOf = (entry: AclEntry) =>
  [entry.resourceType, entry.resourceName, entry.resourcePatternType, entry.principal, entry.host, entry.operation, entry.permissionType].join('|');

/** Makes the broker's ACLs exactly the declared ones: adds the missing, removes those no longer declared. Returns [added, removed]. */
export async function applyAcls(admin: Admin): Promise<[number, number]> {
  const declared = kafkaUsers().flatMap((user) => user.acls.flatMap((acl) => entries(user.name, acl)));
  const wanted = new Map(declared.map((entry) => [keyOf(entry), entry]));
  const described = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const present = described.resources.flatMap((resource) =>
    resource.acls.map((acl): AclEntry => ({
      ...acl,
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
      resourcePatternType: resource.resourcePatternType,
    })),
  );
  const presentKeys = new Set(present.map(keyOf));
  const missing = declared.filter((entry) => !presentKeys.has(keyOf(entry)));
  const stale = present.filter((entry) => !wanted.has(keyOf(entry)));
  if (missing.length) await admin.createAcls({ acl: missing });
  if (stale.length) await admin.deleteAcls({ filters: stale });
  return [missing.length, stale.length];
}
