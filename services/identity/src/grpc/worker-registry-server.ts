import {
  createTokenVerifier, dateOfDay, forbidden, invalidInput, isUuid, loadService, PERIOD_PATTERN, requireKind, unary, unauthenticated, type Logger,
  type PiiProtector, type TokenSettings,
} from '@yikatong/platform';
import type { IdentityDb } from '../db';
import { periodBounds } from '../domain/calendar';
import type { Card } from '../domain/card';
import { isValidCardNumber } from '../domain/card-number';
import { monthlyAttendance } from '../store/attendance';
import { findCardByNumber, findCardsByEnterprises, findCardsByPersons } from '../store/cards';
import { findEnrolments } from '../store/enrolments';
import { verifyWorkers } from '../domain/verification';

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

interface VerifyRequest { projectId: string; period: string; workerIds: string[]; firstDay: string; lastDay: string }
interface CardStatusRequest { target?: 'cardNumber' | 'personId' | 'enterpriseUscc'; cardNumber?: string; personId?: string; enterpriseUscc?: string }

async function cardStatus(db: IdentityDb, card: Card) {
  const last = await db.cardStatusChange.findFirst({ where: { cardId: card.id }, orderBy: { version: 'desc' }, select: { at: true } });
  return {
    cardNumber: card.number, holderKind: card.holderKind, status: card.status, personId: card.personId ?? '',
    enterpriseUscc: card.enterpriseUscc ?? '', regionCode: card.regionCode, since: (last?.at ?? card.issuedAt).toISOString(),
  };
}

/** Fresh answers for payroll (which workers can be paid for what) and for banks and gates (card status). */
export function workerRegistryImplementation(db: IdentityDb, pii: PiiProtector, settings: TokenSettings, logger: Logger) {
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
        db.worker.findMany({ where: { id: { in: workerIds } }, select: { id: true, name: true, idNumberCipher: true, phoneCipher: true, wageCardCipher: true } }),
      ]);
      const personById = new Map(people.map((person) => [person.id, person]));
      const verified = verifyWorkers(workerIds, enrolments, attendance, new Set(people.filter((w) => w.wageCardCipher).map((w) => w.id)));
      return {
        projectId: request.projectId,
        period: request.period,
        workers: verified.map((verification) => {
          const person = personById.get(verification.workerId);
          return person
            ? { ...verification, holderName: person.name, idNumber: pii.decrypt(person.idNumberCipher), phone: pii.decrypt(person.phoneCipher) }
            : verification;
        }),
      };
    }),

    GetCardStatus: unary<CardStatusRequest, unknown>(authenticate, logger, async (request, principal) => {
      requireKind(principal, 'SERVICE', 'BANK', 'ENTERPRISE');
      let cards: Card[];
      if (request.target === 'cardNumber') {
        const number = request.cardNumber!.trim().toUpperCase();
        if (!isValidCardNumber(number)) throw invalidInput('INVALID_CARD_NUMBER', 'card_number', 'A real-name card number is YK + 14 digits with a check digit.');
        const card = await findCardByNumber(db, number);
        cards = card ? [card] : [];
      } else if (request.target === 'personId' && isUuid(request.personId!)) {
        cards = await findCardsByPersons(db, [request.personId!]);
      } else if (request.target === 'enterpriseUscc') {
        cards = await findCardsByEnterprises(db, [request.enterpriseUscc!.trim().toUpperCase()]);
      } else {
        throw invalidInput('INVALID_TARGET', 'target', 'Ask by card_number, person_id (a UUID) or enterprise_uscc.');
      }
      // A gate operator (enterprise) asks about people on its site, never about other enterprises' cards.
      if (principal.kind === 'ENTERPRISE' && cards.some((card) => card.enterpriseUscc !== null && card.enterpriseUscc !== principal.enterpriseUscc)) {
        throw forbidden('An enterprise may ask only about its own cards and workers’ cards.');
      }
      return { cards: await Promise.all(cards.map((card) => cardStatus(db, card))) };
    }),
  };
}
