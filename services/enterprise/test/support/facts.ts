import { randomUUID } from 'node:crypto';
import {
  arrearsWarningClearedV1,
  arrearsWarningRaisedV1,
  createEvent,
  depositPlacedV1,
  enrolmentStartedV1,
  insuranceBoughtV1,
  wageAccountOpenedV1,
  type EventDefinition,
  type EventDataInput,
} from '@yikatong/contracts';
import { addMonthsToDay, type Clock, type EventBus } from '@yikatong/platform';

/** Publishes what another service would, as it would (CloudEvents on its topic, keyed by subject, at the clock's time). */
export async function publishFact<D extends EventDefinition>(bus: EventBus, clock: Clock, definition: D, subject: string, data: EventDataInput<D>, times = 1) {
  const event = createEvent(definition, '/yikatong/test', subject, data, clock.now());
  const message = { topic: definition.topic, key: subject, value: JSON.stringify(event) };
  await bus.publish(Array.from({ length: times }, () => message));
  return event;
}

export const payrollFacts = (bus: EventBus, clock: Clock) => ({
  wageAccountOpened: (projectId: string, uscc: string) =>
    publishFact(bus, clock, wageAccountOpenedV1, projectId, {
      accountId: randomUUID(),
      projectId,
      generalContractorUscc: uscc,
      bankName: '中国建设银行邢台分行',
      openedAt: clock.now().toISOString(),
    }),
  depositPlaced: (projectId: string, uscc: string) =>
    publishFact(bus, clock, depositPlacedV1, projectId, {
      depositId: randomUUID(),
      projectId,
      uscc,
      form: 'BANK_GUARANTEE',
      amountFen: '300000000',
      validUntil: addMonthsToDay(clock.today(), 24),
      placedAt: clock.now().toISOString(),
    }),
  warning: (
    state: 'raised' | 'cleared',
    warning: { warningId: string; projectId: string; uscc: string; colour?: 'RED' | 'YELLOW' | 'BLUE'; version: number },
    times = 1,
  ) => {
    const facts = { colour: 'RED' as const, ...warning };
    return state === 'raised'
      ? publishFact(
          bus,
          clock,
          arrearsWarningRaisedV1,
          warning.uscc,
          { ...facts, ruleCode: 'UNPAID_MONTH', message: 'wages unpaid a month after due', raisedAt: clock.now().toISOString() },
          times,
        )
      : publishFact(bus, clock, arrearsWarningClearedV1, warning.uscc, { ...facts, reason: 'wages paid', clearedAt: clock.now().toISOString() }, times);
  },
});

export const welfareFacts = (bus: EventBus, clock: Clock) => ({
  insuranceBought: (projectId: string) =>
    publishFact(bus, clock, insuranceBoughtV1, projectId, {
      policyId: randomUUID(),
      projectId,
      insurer: '中国人保',
      policyNumber: 'PICC-2026-001',
      coverFrom: clock.today(),
      coverUntil: null,
      boughtAt: clock.now().toISOString(),
    }),
});

export const identityFacts = (bus: EventBus, clock: Clock) => ({
  enrolled: (projectId: string, employerUscc: string) =>
    publishFact(bus, clock, enrolmentStartedV1, randomUUID(), {
      enrolmentId: randomUUID(),
      workerId: randomUUID(),
      projectId,
      employerUscc,
      regionCode: '130502',
      tradeCode: '6-29-01-01',
      contractType: 'LABOUR_CONTRACT',
      rateKind: 'DAILY',
      rateFen: 30_000,
      employmentKind: 'FULL_TIME',
      team: null,
      startDate: clock.today(),
      endDate: null,
    }),
});
