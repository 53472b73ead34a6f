import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Select, Space, Table } from 'antd';
import { shiftPeriod, chinaPeriod } from '../calendar';
import { LabourWageOfficerCard } from '../components/labour-wage-officer-card';
import { StatusTag } from '../components/status-tag';
import { graphql } from '../generated';
import type { WageSheetLinesQuery } from '../generated/graphql';
import { useI18n } from '../i18n';
import { yuan } from '../money';
import { refusalsOf, type Refusal } from '../refusals';
import { go } from '../route';
import type { Principal } from '../session';

const PROJECTS = graphql(`
  query EnterpriseProjects {
    projects(first: 100) {
      nodes {
        id
        name
        stage
        startDate
        safeguards {
          kind
          detail
          at
        }
      }
    }
  }
`);
const OBLIGATIONS = graphql(`
  query ProjectObligations($projectId: ID!) {
    wageAccounts(projectId: $projectId) {
      id
      bankName
      status
    }
    deposit(projectId: $projectId) {
      form
      required
      held
      status
    }
    injuryPolicies(projectId: $projectId) {
      id
      insurer
      policyNumber
      coverFrom
      coverUntil
    }
    enrolments(filter: { projectId: $projectId, status: ACTIVE }, first: 100) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
      }
    }
    wageSheets(projectId: $projectId, first: 50) {
      nodes {
        id
        period
        cycle
        employerUscc
        status
        lineCount
        totalGross
        totalNet
        dueOn
        returnReason
      }
    }
  }
`);
const LINES = graphql(`
  query WageSheetLines($id: ID!) {
    wageSheet(id: $id) {
      id
      status
      lines(first: 100) {
        nodes {
          id
          workerId
          holderName
          idNumberMasked
          days
          hours
          gross
          totalDeductions
          net
          warnings {
            code
            message
          }
          payment {
            status
          }
        }
      }
    }
  }
`);
const PREPARE = graphql(`
  mutation PrepareSheet($input: PrepareWageSheetInput!) {
    prepareWageSheet(input: $input) {
      id
      status
    }
  }
`);
const REVIEW = graphql(`
  mutation ReviewSheet($id: ID!) {
    reviewWageSheet(sheetId: $id) {
      id
      status
    }
  }
`);
const APPROVE = graphql(`
  mutation ApproveSheet($id: ID!) {
    approveWageSheet(sheetId: $id) {
      id
      status
    }
  }
`);
const RETURN = graphql(`
  mutation ReturnSheet($id: ID!, $reason: String!) {
    returnWageSheet(sheetId: $id, reason: $reason) {
      id
      status
    }
  }
`);

const SAFEGUARDS = [
  ['WAGE_ACCOUNT', '工资专用账户', 'Dedicated wage account', '未开立工资专用账户', 'The wage account is not opened'],
  ['DEPOSIT', '工资保证金', 'Wage guarantee deposit', '工资保证金未缴存或未获免除', 'The deposit is neither placed nor exempted'],
  ['INJURY_INSURANCE', '工伤保险', 'Work-injury insurance', '未按项目参加工伤保险', 'No work-injury insurance for the project'],
] as const;

type Line = NonNullable<WageSheetLinesQuery['wageSheet']>['lines']['nodes'][number];

/** 企业端: a project's obligations and what still blocks its permit; prepare, review and approve its wage sheets. */
export function EnterpriseWorkspace({ principal, now }: { principal: Principal; now: () => Date }) {
  const { t } = useI18n();
  const projects = useQuery(PROJECTS, { errorPolicy: 'all' });
  const [projectId, setProjectId] = useState<string>();
  const project = projects.data?.projects?.nodes.find((candidate) => candidate.id === projectId) ?? projects.data?.projects?.nodes[0];
  const obligations = useQuery(OBLIGATIONS, { variables: { projectId: project?.id ?? '' }, skip: !project, errorPolicy: 'all' });
  const [sheetId, setSheetId] = useState<string>();
  const lines = useQuery(LINES, { variables: { id: sheetId ?? '' }, skip: !sheetId, errorPolicy: 'all' });
  const [prepare, preparing] = useMutation(PREPARE);
  const [review] = useMutation(REVIEW);
  const [approve] = useMutation(APPROVE);
  const [giveBack] = useMutation(RETURN);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [returning, setReturning] = useState<string>();
  const [returnReason, setReturnReason] = useState('');
  const may = (scope: string) => principal.scopes.includes(scope);
  const lastMonth = shiftPeriod(chinaPeriod(now()), -1);

  const act = async (run: () => Promise<unknown>) => {
    setRefusals([]);
    try {
      await run();
      await obligations.refetch();
      if (sheetId) await lines.refetch();
    } catch (error) {
      setRefusals(refusalsOf(error));
    }
  };
  const refusalOfWorker = (workerId: string) => refusals.filter((refusal) => refusal.field === `workers.${workerId}`);
  const held = new Set(project?.safeguards.map((safeguard) => safeguard.kind));
  const beforePermit = project && (project.stage === 'BIDDING' || project.stage === 'AWARDED');

  if (projects.data && !project) return <Empty description={t('本企业暂无项目', 'This enterprise is on no project yet')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        aria-label={t('项目', 'Project')}
        style={{ width: 480 }}
        value={project?.id}
        onChange={(id: string) => {
          setProjectId(id);
          setSheetId(undefined);
        }}
        options={(projects.data?.projects?.nodes ?? []).map((candidate) => ({ value: candidate.id, label: `${candidate.name}（${candidate.stage}）` }))}
      />
      {project && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('项目义务', "The project's obligations")}
              extra={<Button onClick={() => go('notice', project.id)}>{t('维权信息告示牌', 'Rights notice board')}</Button>}
            >
              <List
                dataSource={SAFEGUARDS.map(([kind, zh, en, missingZh, missingEn]) => ({ kind, label: t(zh, en), missing: t(missingZh, missingEn) }))}
                renderItem={({ kind, label, missing }) => (
                  <List.Item key={kind}>
                    {label}{' '}
                    {held.has(kind) ? (
                      <StatusTag tone="green">{t('已落实', 'In place')}</StatusTag>
                    ) : (
                      <StatusTag tone="red">{beforePermit ? `${missing} · ${t('阻碍施工许可', 'blocks the permit')}` : missing}</StatusTag>
                    )}
                  </List.Item>
                )}
              />
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('工资专户', 'Wage account')}>
                  {obligations.data?.wageAccounts?.map((account) => `${account.bankName} · ${account.status}`).join('；') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('保证金', 'Deposit')}>
                  {obligations.data?.deposit
                    ? `${obligations.data.deposit.form} · ${yuan(obligations.data.deposit.held)} / ${yuan(obligations.data.deposit.required)}`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('工伤保险', 'Injury insurance')}>
                  {obligations.data?.injuryPolicies?.map((policy) => `${policy.insurer} ${policy.policyNumber}`).join('；') || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('实名制在岗人数', 'Workers enrolled by real name')}>
                  {obligations.data?.enrolments
                    ? `${obligations.data.enrolments.nodes.length}${obligations.data.enrolments.pageInfo.hasNextPage ? '+' : ''}`
                    : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <LabourWageOfficerCard projectId={project.id} mayAppoint={may('project:register')} />
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('工资表', 'Wage sheets')}>
              {may('wages:prepare') && (
                <Form
                  layout="inline"
                  initialValues={{ period: lastMonth }}
                  onFinish={(values: { period: string }) => void act(() => prepare({ variables: { input: { projectId: project.id, period: values.period } } }))}
                  style={{ marginBottom: 12 }}
                >
                  <Form.Item name="period" label={t('工资月份', 'Month')} rules={[{ pattern: /^\d{4}-\d{2}$/, message: 'YYYY-MM' }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={preparing.loading}>
                    {t('编制工资表', 'Prepare the sheet')}
                  </Button>
                </Form>
              )}
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={obligations.data?.wageSheets?.nodes ?? []}
                onRow={(sheet) => ({ onClick: () => setSheetId(sheet.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('月份', 'Month'), dataIndex: 'period' },
                  { title: t('人数', 'Lines'), dataIndex: 'lineCount' },
                  { title: t('应发', 'Gross'), dataIndex: 'totalGross', render: yuan },
                  { title: t('实发', 'Net'), dataIndex: 'totalNet', render: yuan },
                  { title: t('状态', 'Status'), dataIndex: 'status' },
                  { title: t('发放期限', 'Pay by'), dataIndex: 'dueOn' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('未通过校验，未作任何更改', 'Refused; nothing was changed')}
          description={
            <ul>
              {refusals.map((refusal) => (
                <li key={`${refusal.code}${refusal.field}${refusal.message}`}>
                  {refusal.code}: {refusal.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {sheetId && lines.data?.wageSheet && (
        <Card
          size="small"
          title={t('工资表明细', 'Sheet lines')}
          extra={
            <Space>
              {may('wages:review') && lines.data.wageSheet.status === 'PREPARED' && (
                <Button onClick={() => void act(() => review({ variables: { id: sheetId } }))}>{t('劳资专管员审核', 'Review')}</Button>
              )}
              {may('wages:approve') && lines.data.wageSheet.status === 'REVIEWED' && (
                <Button type="primary" onClick={() => void act(() => approve({ variables: { id: sheetId } }))}>
                  {t('批准发放', 'Approve')}
                </Button>
              )}
              {(may('wages:review') || may('wages:approve')) && ['PREPARED', 'REVIEWED'].includes(lines.data.wageSheet.status) && (
                <Button danger onClick={() => setReturning(sheetId)}>
                  {t('退回', 'Return')}
                </Button>
              )}
            </Space>
          }
        >
          <Table<Line>
            rowKey="id"
            size="small"
            pagination={{ pageSize: 50 }}
            dataSource={lines.data.wageSheet.lines.nodes}
            columns={[
              { title: t('姓名', 'Name'), dataIndex: 'holderName' },
              { title: t('身份证号', 'ID number'), dataIndex: 'idNumberMasked' },
              { title: t('出勤天数', 'Days'), dataIndex: 'days' },
              { title: t('应发', 'Gross'), dataIndex: 'gross', render: yuan },
              { title: t('扣款', 'Deductions'), dataIndex: 'totalDeductions', render: yuan },
              { title: t('实发', 'Net'), dataIndex: 'net', render: yuan },
              {
                title: t('提示', 'Warnings'),
                key: 'warnings',
                render: (_: unknown, line) => (
                  <>
                    {line.warnings.map((warning) => (
                      <div key={warning.code}>
                        <StatusTag tone="orange">{warning.code}</StatusTag> {warning.message}
                      </div>
                    ))}
                    {refusalOfWorker(line.workerId).map((refusal) => (
                      <div key={refusal.code}>
                        <StatusTag tone="red">{refusal.code}</StatusTag> {refusal.message}
                      </div>
                    ))}
                  </>
                ),
              },
              { title: t('发放', 'Payment'), key: 'payment', render: (_: unknown, line) => line.payment?.status ?? '—' },
            ]}
          />
        </Card>
      )}
      <Modal
        open={Boolean(returning)}
        title={t('退回工资表', 'Return the sheet')}
        okText={t('确定', 'Confirm')}
        cancelText={t('取消', 'Cancel')}
        onCancel={() => setReturning(undefined)}
        onOk={() => {
          const id = returning;
          setReturning(undefined);
          if (id) void act(() => giveBack({ variables: { id, reason: returnReason } }));
        }}
      >
        <Input.TextArea
          aria-label={t('退回原因', 'Why it is returned')}
          rows={3}
          value={returnReason}
          onChange={(event) => setReturnReason(event.target.value)}
        />
      </Modal>
    </Space>
  );
}
