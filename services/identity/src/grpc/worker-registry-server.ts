import {
  createTokenVerifier,
  dateOfDay,
  invalidInput,
  isUuid,
  loadService,
  PERIOD_PATTERN,
  requireKind,
  SCOPES,
  unary,
  unauthenticated,
  type Logger,
  type Principal,
  type TokenSettings,
} from '@yikatong/platform';
import { createIdentityContext, type IdentityDeps } from '../context';
import type { IdentityDb } from '../db';
import { periodBounds } from '../domain/calendar';
import type { Card } from '../domain/card';
import { isValidCardNumber } from '../domain/card-number';
import { verifyWorkers } from '../domain/verification';
import { assertCanSeeEnterprise } from '../resolvers/access';
import { mayReadCard } from '../resolvers/real-name-card';
import { monthlyAttendance } from '../store/attendance';
import { audit } from '../store/audit';
import { findCardByNumber, findCardsByEnterprises, findCardsByPersons } from '../store/cards';
import { findEnrolments } from '../store/enrolments';

export const WorkerRegistryService = loadService('identity/workers.proto', 'yikatong.identity.v1.WorkerRegistry');

const MAX_WORKERS_PER_CALL = 5000;

/** The whole period, or a part of it named by first_day and last_day. */
function payCycle(request: VerifyRequest): { first: string; last: string } {
  const month = periodBounds(request.period);
  if (!request.firstDay && !request.lastDay) return month;
  const first = request.firstDay || month.first;
  const last = request.lastDay || month.last;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first) || !/^\d{4}-\d{2}-\d{2}$/.test(last) || first < month.first || last > month.last || first > last) {
    throw invalidInput('INVALID_CYCLE', 'first_day', `The cycle is a range of days within ${request.period}, first day before last.`);
  }
  return { first, last };
}

interface VerifyRequest {
  projectId: string;
  period: string;
  workerIds: string[];
  firstDay: string;
  lastDay: string;
}
interface CardStatusRequest {
  target?: 'cardNumber' | 'personId' | 'enterpriseUscc';
  cardNumber?: string;
  personId?: string;
  enterpriseUscc?: string;
}

/** One READ_PII entry per worker whose ledger fields a call returns unmasked, all in one insert. */
function auditLedgerRead(db: IdentityDb, principal: Principal, at: Date, people: ReadonlyArray<{ id: string; regionCode: string }>, request: VerifyRequest) {
  return audit(
    db,
    principal,
    at,
    people.map((person) => ({
      action: 'READ_PII',
      subjectType: 'Worker',
      subjectId: person.id,
      regionCode: person.regionCode,
      fields: ['name', 'idNumber', 'phone'],
      purpose: `${WAGE_SHEET_PURPOSE} (project ${request.projectId}, ${request.period})`,
    })),
  );
}

async function cardStatus(db: IdentityDb, card: Card) {
  const last = await db.cardStatusChange.findFirst({ where: { cardId: card.id }, orderBy: { version: 'desc' }, select: { at: true } });
  return {
    cardNumber: card.number,
    holderKind: card.holderKind,
    status: card.status,
    personId: card.personId ?? '',
    enterpriseUscc: card.enterpriseUscc ?? '',
    regionCode: card.regionCode,
    since: (last?.at ?? card.issuedAt).toISOString(),
  };
}

/** Why payroll reads the ledger's legal fields; written to the audit log with each read. */
const WAGE_SHEET_PURPOSE = 'payroll wage sheet';

/**
 * Fresh answers for payroll (which workers can be paid for what) and for gates (card status). Each
 * method shows what the graph's field for the same data would show this caller.
 */
export function workerRegistryImplementation(deps: IdentityDeps, settings: TokenSettings, logger: Logger) {
  const { db, pii, clock } = deps;
  const verify = createTokenVerifier(settings);
  const authenticate = async (token: string | undefined) => {
    if (!token) throw unauthenticated();
    return verify(token);
  };
  return {
    VerifyWorkers: unary<VerifyRequest, unknown>(authenticate, logger, async (request, principal) => {
      requireKind(principal, 'SERVICE');
      if (!isUuid(request.projectId)) throw invalidInput('INVALID_PROJECT_ID', 'project_id', 'The project id is a UUID.');
      if (!PERIOD_PATTERN.test(request.period)) throw invalidInput('INVALID_PERIOD', 'period', 'The period is a month written YYYY-MM.');
      if (request.workerIds.length > MAX_WORKERS_PER_CALL || request.workerIds.some((id) => !isUuid(id))) {
        throw invalidInput('INVALID_WORKER_IDS', 'worker_ids', `Send at most ${MAX_WORKERS_PER_CALL} worker ids, each a UUID.`);
      }
      const cycle = payCycle(request);
      const enrolments = await findEnrolments(db, {
        projectId: request.projectId,
        ...(request.workerIds.length ? { workerId: { in: request.workerIds } } : {}),
        startDate: { lte: dateOfDay(cycle.last) },
        OR: [{ endDate: null }, { endDate: { gte: dateOfDay(cycle.first) } }],
      });
      const workerIds = request.workerIds.length ? request.workerIds : [...new Set(enrolments.map((enrolment) => enrolment.workerId))];
      const [attendance, people] = await Promise.all([
        monthlyAttendance(db, request.projectId, request.period, workerIds, cycle),
        db.worker.findMany({
          where: { id: { in: workerIds } },
          select: {
            id: true,
            name: true,
            regionCode: true,
            idNumberCipher: true,
            idNumberMasked: true,
            phoneCipher: true,
            phoneMasked: true,
            wageCardCipher: true,
          },
        }),
      ]);
      const verified = verifyWorkers(workerIds, enrolments, attendance, new Set(people.filter((w) => w.wageCardCipher).map((w) => w.id)));
      // The ledger's fields go only with workers enrolled on the project in the cycle, never with any id asked about.
      const enrolled = new Set(verified.filter((verification) => verification.enrolled).map((verification) => verification.workerId));
      const ledgerPeople = new Map(people.filter((person) => enrolled.has(person.id)).map((person) => [person.id, person]));
      const unmasked = principal.scopes.has(SCOPES.piiRead);
      if (unmasked) await auditLedgerRead(db, principal, clock.now(), [...ledgerPeople.values()], request);
      return {
        projectId: request.projectId,
        period: request.period,
        workers: verified.map((verification) => {
          const person = ledgerPeople.get(verification.workerId);
          if (!person) return verification;
          return unmasked
            ? { ...verification, holderName: person.name, idNumber: pii.decrypt(person.idNumberCipher), phone: pii.decrypt(person.phoneCipher) }
            : { ...verification, holderName: person.name, idNumber: person.idNumberMasked, phone: person.phoneMasked };
        }),
      };
    }),

    GetCardStatus: unary<CardStatusRequest, unknown>(authenticate, logger, async (request, principal) => {
      // Banks see no cards in the graph either: a frozen card never stops wages, so paying does not need them.
      requireKind(principal, 'SERVICE', 'ENTERPRISE');
      let cards: Card[];
      if (request.target === 'cardNumber') {
        const number = request.cardNumber!.trim().toUpperCase();
        if (!isValidCardNumber(number))
          throw invalidInput('INVALID_CARD_NUMBER', 'card_number', 'A real-name card number is YK + 14 digits with a check digit.');
        const card = await findCardByNumber(db, number);
        cards = card ? [card] : [];
      } else if (request.target === 'personId' && isUuid(request.personId!)) {
        cards = await findCardsByPersons(db, [request.personId!]);
      } else if (request.target === 'enterpriseUscc') {
        const uscc = request.enterpriseUscc!.trim().toUpperCase();
        assertCanSeeEnterprise(principal, uscc);
        cards = await findCardsByEnterprises(db, [uscc]);
      } else {
        throw invalidInput('INVALID_TARGET', 'target', 'Ask by card_number, person_id (a UUID) or enterprise_uscc.');
      }
      // A gate operator (enterprise) sees its own cards and the cards of workers it may see, as in the graph.
      const ctx = createIdentityContext(principal, deps, () => undefined);
      const readable = await Promise.all(cards.map((card) => mayReadCard(ctx, card)));
      return { cards: await Promise.all(cards.filter((_, index) => readable[index]).map((card) => cardStatus(db, card))) };
    }),
  };
}
