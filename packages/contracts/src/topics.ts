/**
 * Every Kafka topic, declared once. infra creates them with these partition counts; services
 * publish and subscribe by these names only. Keys are aggregate ids, so one aggregate's events
 * stay in order within a partition.
 */
export const TOPICS = {
  identityCards: 'yikatong.identity.cards',
  identityWorkers: 'yikatong.identity.workers',
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
