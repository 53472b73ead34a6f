/**
 * Every Kafka topic, declared once. infra creates them with these partition counts; services
 * publish and subscribe by these names only. Keys are aggregate ids, so one aggregate's events
 * stay in order within a partition.
 */
export const TOPICS = {
  identityCards: 'yikatong.identity.cards',
  /** Workers' registrations, with no personal data (welfare reads them). */
  identityWorkers: 'yikatong.identity.workers',
  /** Wage-card changes: card number and holder name, so payroll alone reads them. */
  identityWageCards: 'yikatong.identity.wage-cards',
  identityEnrolments: 'yikatong.identity.enrolments',
  identityAttendance: 'yikatong.identity.attendance',
  enterpriseEnterprises: 'yikatong.enterprise.enterprises',
  enterpriseProjects: 'yikatong.enterprise.projects',
  enterpriseEligibility: 'yikatong.enterprise.eligibility',
  payrollAccounts: 'yikatong.payroll.accounts',
  payrollWarnings: 'yikatong.payroll.warnings',
  /** Payment instructions for banks: readable only by bank consumers (Kafka ACL), they carry card numbers. */
  payrollDisbursements: 'yikatong.payroll.disbursements',
  welfareTraining: 'yikatong.welfare.training',
  welfareComplaints: 'yikatong.welfare.complaints',
  welfareInsurance: 'yikatong.welfare.insurance',
  deadLetter: 'yikatong.dead-letter',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const TOPIC_PARTITIONS: Record<TopicName, number> = {
  'yikatong.identity.cards': 3,
  'yikatong.identity.workers': 3,
  'yikatong.identity.wage-cards': 3,
  'yikatong.identity.enrolments': 3,
  'yikatong.identity.attendance': 3,
  'yikatong.enterprise.enterprises': 3,
  'yikatong.enterprise.projects': 3,
  'yikatong.enterprise.eligibility': 3,
  'yikatong.payroll.accounts': 3,
  'yikatong.payroll.warnings': 3,
  'yikatong.payroll.disbursements': 3,
  'yikatong.welfare.training': 3,
  'yikatong.welfare.complaints': 3,
  'yikatong.welfare.insurance': 3,
  'yikatong.dead-letter': 1,
};

export const SERVICE_NAMES = ['identity', 'enterprise', 'payroll', 'welfare'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/**
 * Who reads a topic: one of our services, the banks, the trading platforms (public verdicts only),
 * or operators replaying dead letters.
 */
export type TopicReader = ServiceName | 'banks' | 'trading-platforms' | 'operators';

/**
 * Who may read each topic, declared once: the Kafka ACLs follow it, and a repository test checks
 * that every service consumes only what is declared for it. A topic is written by the service its
 * name starts with (yikatong.<service>.…); the dead-letter topic by every consumer.
 */
export const TOPIC_READERS: Record<TopicName, readonly TopicReader[]> = {
  'yikatong.identity.cards': ['enterprise'],
  'yikatong.identity.workers': ['welfare'],
  'yikatong.identity.wage-cards': ['payroll'],
  'yikatong.identity.enrolments': ['enterprise', 'payroll', 'welfare'],
  'yikatong.identity.attendance': ['payroll'],
  'yikatong.enterprise.enterprises': ['identity', 'payroll'],
  'yikatong.enterprise.projects': ['identity', 'payroll', 'welfare'],
  'yikatong.enterprise.eligibility': ['banks', 'trading-platforms'],
  'yikatong.payroll.accounts': ['enterprise'],
  'yikatong.payroll.warnings': ['enterprise', 'welfare'],
  'yikatong.payroll.disbursements': ['banks'],
  'yikatong.welfare.training': ['identity'],
  'yikatong.welfare.complaints': ['enterprise', 'payroll'],
  'yikatong.welfare.insurance': ['enterprise'],
  'yikatong.dead-letter': ['operators'],
};

/**
 * Topics whose events carry personal data (names, bank cards): only payroll or the banks read them,
 * and a dead letter from them carries where the event is, never the event itself.
 */
export const PERSONAL_DATA_TOPICS: readonly TopicName[] = [TOPICS.identityWageCards, TOPICS.payrollDisbursements];

/** The service that writes a topic (undefined for the dead-letter topic, which every consumer writes). */
export function topicWriter(topic: TopicName): ServiceName | undefined {
  return SERVICE_NAMES.find((service) => topic.startsWith(`yikatong.${service}.`));
}
