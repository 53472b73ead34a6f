import { randomUUID } from 'node:crypto';
import { addDays, chinaMidnight, principalFromClaims, SCOPES } from '@yikatong/platform';
import { code, createWelfareHarness } from '../support/harness';

const harness = createWelfareHarness();
const staff = principalFromClaims({ sub: 'rsj-window', kind: 'PORTAL', dept: 'HRSS', regions: ['130500'], scope: SCOPES.serviceManage });
const agent = principalFromClaims({
  sub: 'xindu-agent',
  kind: 'PORTAL',
  dept: 'HRSS',
  regions: ['130500'],
  centre: 'xindu-station',
  scope: `${SCOPES.agentActForWorker} ${SCOPES.serviceManage}`,
});
const workerId = randomUUID();
const worker = principalFromClaims({ sub: workerId, kind: 'WORKER' });
const OPEN = `mutation ($t: String!, $w: ID) { openServiceRequest(typeCode: $t, regionCode: "130502", workerId: $w) { id status dueOn department centreId overdue } }`;
const CLOSE = `mutation ($id: ID!, $o: String!) { closeServiceRequest(requestId: $id, done: true, outcome: $o) { status outcome } }`;

beforeAll(() => harness.start());
afterAll(() => harness.stop());

it('service windows promise a deadline in working days; requests are opened by the worker or a centre, closed by the holder, overdue ones counted', async () => {
  const TYPE = `mutation ($input: ServiceTypeInput!) { defineServiceType(input: $input) { code deadlineWorkingDays } }`;
  expect(code(await harness.execute(TYPE, { input: { code: 'WAGE_CERT', name: '工资证明', department: 'HRSS', deadlineWorkingDays: 3 } }, worker))).toBe(
    'FORBIDDEN',
  );
  expect(
    (await harness.execute(TYPE, { input: { code: 'wage_cert', name: '工资证明', department: 'HRSS', deadlineWorkingDays: 0 } }, staff)).errors?.[0]
      ?.extensions,
  ).toMatchObject({ code: 'INVALID_DEADLINE', field: 'deadlineWorkingDays' });
  expect(
    (await harness.execute(TYPE, { input: { code: 'wage_cert', name: '工资证明', department: 'HRSS', deadlineWorkingDays: 3 } }, staff)).data!
      .defineServiceType,
  ).toEqual({ code: 'WAGE_CERT', deadlineWorkingDays: 3 });

  const own = (await harness.execute(OPEN, { t: 'WAGE_CERT' }, worker)).data!.openServiceRequest;
  expect(own).toMatchObject({ status: 'OPEN', department: 'HRSS', centreId: null, overdue: false });
  const forWorker = (await harness.execute(OPEN, { t: 'WAGE_CERT', w: workerId }, agent)).data!.openServiceRequest;
  expect(forWorker.centreId).toBe('xindu-station');
  expect(code(await harness.execute(OPEN, { t: 'NO_SUCH' }, worker))).toBe('SERVICE_TYPE_NOT_FOUND');

  expect(
    code(
      await harness.execute(
        CLOSE,
        { id: own.id, o: '已出具' },
        principalFromClaims({ sub: 'other', kind: 'PORTAL', dept: 'LABOUR_INSPECTION', regions: ['130500'], scope: SCOPES.serviceManage }),
      ),
    ),
  ).toBe('FORBIDDEN');
  expect((await harness.execute(CLOSE, { id: forWorker.id, o: '已出具工资证明' }, agent)).data!.closeServiceRequest).toEqual({
    status: 'DONE',
    outcome: '已出具工资证明',
  });
  expect(code(await harness.execute(CLOSE, { id: forWorker.id, o: '再次' }, agent))).toBe('REQUEST_CLOSED');

  // From the first minute after its deadline day, the open request shows as overdue for its department.
  harness.clock.set(chinaMidnight(addDays(own.dueOn, 1)));
  const overdue = await harness.execute(`{ overdueServiceRequests(regionCode: "130500") { department centreId overdue } }`, {}, staff);
  expect(overdue.data!.overdueServiceRequests).toEqual([{ department: 'HRSS', centreId: null, overdue: 1 }]);
  expect((await harness.execute(`{ myServiceRequests { status overdue } }`, {}, worker)).data!.myServiceRequests).toEqual(
    expect.arrayContaining([
      { status: 'OPEN', overdue: true },
      { status: 'DONE', overdue: false },
    ]),
  );
});
