import { randomUUID } from 'node:crypto';
import {
  arrearsWarningClearedV1, arrearsWarningRaisedV1, createEvent, depositPlacedV1, enrolmentStartedV1, insuranceBoughtV1, wageAccountOpenedV1,
  type EventDefinition, type EventDataInput,
} from '@yikatong/contracts';
import type { EventBus } from '@yikatong/platform';

/** Publishes what another service would, as it would (CloudEvents on its topic, keyed by subject). */
export async function publishFact<D extends EventDefinition>(bus: EventBus, definition: D, subject: string, data: EventDataInput<D>, times = 1) {
  const event = createEvent(definition, '/yikatong/test', subject, data);
  const message = { topic: definition.topic, key: subject, value: JSON.stringify(event) };
  await bus.publish(Array.from({ length: times }, () => message));
  return event;
}

const now = () => new Date().toISOString();

export const payrollFacts = (bus: EventBus) => ({
  wageAccountOpened: (projectId: string, uscc: string) =>
    publishFact(bus, wageAccountOpenedV1, projectId, { accountId: randomUUID(), projectId, generalContractorUscc: uscc, bankName: '中国建设银行邢台分行', openedAt: now() }),
  depositPlaced: (projectId: string, uscc: string) =>
    publishFact(bus, depositPlacedV1, projectId, { depositId: randomUUID(), projectId, uscc, form: 'BANK_GUARANTEE', amountFen: '300000000', validUntil: '2028-12-31', placedAt: now() }),
  warning: (state: 'raised' | 'cleared', warning: { warningId: string; projectId: string; uscc: string; colour?: 'RED' | 'YELLOW' | 'BLUE'; version: number }, times = 1) => {
    const facts = { colour: 'RED' as const, ...warning };
    return state === 'raised'
      ? publishFact(bus, arrearsWarningRaisedV1, warning.uscc, { ...facts, ruleCode: 'UNPAID_MONTH', message: '2026-09 wages unpaid a month after due', raisedAt: now() }, times)
      : publishFact(bus, arrearsWarningClearedV1, warning.uscc, { ...facts, reason: 'wages paid', clearedAt: now() }, times);
  },
});

export const welfareFacts = (bus: EventBus) => ({
  insuranceBought: (projectId: string) =>
    publishFact(bus, insuranceBoughtV1, projectId, { policyId: randomUUID(), projectId, insurer: '中国人保', policyNumber: 'PICC-2026-001', coverFrom: '2026-12-01', coverUntil: null, boughtAt: now() }),
});

export const identityFacts = (bus: EventBus) => ({
  enrolled: (projectId: string, employerUscc: string) =>
    publishFact(bus, enrolmentStartedV1, randomUUID(), {
      enrolmentId: randomUUID(), workerId: randomUUID(), projectId, employerUscc, regionCode: '130502', tradeCode: '6-29-01-01',
      contractType: 'LABOUR_CONTRACT', rateKind: 'DAILY', rateFen: 30_000, employmentKind: 'FULL_TIME', team: null, startDate: '2026-12-01', endDate: null,
    }),
});
