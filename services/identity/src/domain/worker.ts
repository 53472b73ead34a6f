import { randomUUID } from 'node:crypto';
import { createEvent, workerRegisteredV1, type CloudEvent } from '@yikatong/contracts';
import { AppError, isMobilePhone, isPersonName, outgoing, type OutgoingEvent } from '@yikatong/platform';
import { ageOn } from './calendar';
import { IDENTITY_SOURCE, issueCard, type CardChange } from './card';
import { parseResidentId, RESIDENT_ID_PROBLEM_MESSAGES } from './resident-id';

export const EDUCATION_LEVELS = ['NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'COLLEGE', 'BACHELOR_OR_ABOVE'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];
export type Sex = 'MALE' | 'FEMALE';

/** Working-age limits of the province (config): some cities keep men over 60 and women over 50 off sites. */
export interface WorkingAgePolicy {
  minAge: number;
  maxAgeMale: number | null;
  maxAgeFemale: number | null;
}

export interface Worker {
  id: string;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  education: Education;
  tradeCode: string;
  /** 1 初级工 … 5 高级技师; null until assessed. */
  skillLevel: number | null;
  /** Where the worker is registered (GB/T 2260): the region whose portals see them. */
  regionCode: string;
  registeredByUscc: string | null;
  registeredBy: string;
  registeredAt: Date;
}

export interface WorkerApplication {
  idNumber: string;
  name: string;
  phone: string;
  education: Education;
  tradeCode: string;
  skillLevel: number | null;
  regionCode: string;
}

export interface WorkerRegistration {
  worker: Worker;
  card: CardChange;
  events: OutgoingEvent[];
}

const comparableName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').replace(/[•・]/g, '·').toUpperCase();

/** Whether a name read off an ID card is the registered one: as a gate compares them, spacing, width and the middle dot's variants aside. */
export const sameName = (registered: string, given: string): boolean => comparableName(registered) === comparableName(given);

/** The checks a registration must pass, in the order a clerk would fix them. */
function checkApplication(application: WorkerApplication, policy: WorkingAgePolicy, today: string) {
  const parsed = parseResidentId(application.idNumber, today);
  if ('problem' in parsed) throw new AppError(`ID_NUMBER_${parsed.problem}`, RESIDENT_ID_PROBLEM_MESSAGES[parsed.problem], 'idNumber');
  const { id } = parsed;
  const age = ageOn(id.birthDate, today);
  if (age < policy.minAge) {
    throw new AppError('BELOW_WORKING_AGE', `The worker is ${age}; site work needs at least ${policy.minAge} years of age.`, 'idNumber');
  }
  const maxAge = id.sex === 'MALE' ? policy.maxAgeMale : policy.maxAgeFemale;
  if (maxAge !== null && age > maxAge) {
    throw new AppError(
      'ABOVE_SITE_AGE_LIMIT',
      `The worker is ${age}; this province does not allow ${id.sex === 'MALE' ? 'men' : 'women'} over ${maxAge} on sites.`,
      'idNumber',
    );
  }
  const name = application.name.trim();
  if (!isPersonName(name)) throw new AppError('INVALID_NAME', 'The name must be the one on the ID card: 2–40 Chinese or Latin letters (· allowed).', 'name');
  const phone = application.phone.replace(/[\s-]/g, '');
  if (!isMobilePhone(phone)) throw new AppError('INVALID_PHONE', 'The phone must be an 11-digit mainland mobile number starting with 1.', 'phone');
  if (application.skillLevel !== null && !(Number.isInteger(application.skillLevel) && application.skillLevel >= 1 && application.skillLevel <= 5)) {
    throw new AppError('INVALID_SKILL_LEVEL', 'The skill level is 1 (初级工) to 5 (高级技师).', 'skillLevel');
  }
  return { id, name, phone };
}

/** Registers a worker: the record, their real-name card and the events, all decided here and saved together. */
export function registerWorker(
  application: WorkerApplication,
  policy: WorkingAgePolicy,
  by: { subject: string; enterpriseUscc: string | null },
  at: Date,
  today: string,
): WorkerRegistration {
  const { id, name, phone } = checkApplication(application, policy, today);
  const worker: Worker = {
    id: randomUUID(),
    name,
    idNumber: id.idNumber,
    birthDate: id.birthDate,
    sex: id.sex,
    phone,
    education: application.education,
    tradeCode: application.tradeCode,
    skillLevel: application.skillLevel,
    regionCode: application.regionCode,
    registeredByUscc: by.enterpriseUscc,
    registeredBy: by.subject,
    registeredAt: at,
  };
  const card = issueCard(
    { kind: 'WORKER', name, enterpriseUscc: null, personId: worker.id, regionCode: worker.regionCode },
    { reason: 'Worker registered by real name', legalBasis: '《建筑工人实名制管理办法（试行）》', authority: 'real-name registry', actor: by.subject },
    at,
  );
  const event = createEvent(
    workerRegisteredV1,
    IDENTITY_SOURCE,
    worker.id,
    {
      workerId: worker.id,
      regionCode: worker.regionCode,
      tradeCode: worker.tradeCode,
      birthYear: Number(worker.birthDate.slice(0, 4)),
      sex: worker.sex,
      registeredAt: at.toISOString(),
    },
    at,
  );
  return { worker, card, events: [outgoing(workerRegisteredV1, event as CloudEvent)] };
}
