import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { chinaTime } from '../calendar';
import { COMPLAINT_STAGES, complaintStageName } from '../complaint-stages';
import { graphql } from '../generated';
import type { ComplaintQueueQuery } from '../generated/graphql';
import { useI18n } from '../i18n';
import { messageOf } from '../refusals';
import { StatusTag } from '../components/status-tag';
import { fenOf, yuan } from '../money';
import type { Principal } from '../session';

const QUEUE = graphql(`
  query ComplaintQueue($region: String!, $stage: String, $overdueOnly: Boolean) {
    complaints(regionCode: $region, stage: $stage, overdueOnly: $overdueOnly, first: 100) {
      nodes {
        id
        category
        channel
        employerUscc
        projectId
        description
        amountClaimed
        workersAffected
        stage
        handlerDept
        receivedAt
        dueOn
        overdue
        workingDaysLeft
        nextStages
        result
        steps {
          action
          from
          to
          actor
          note
          at
        }
      }
    }
  }
`);
const ADVANCE = graphql(`
  mutation AdvanceComplaint($id: ID!, $to: String!, $note: String, $amountOwed: Money) {
    advanceComplaint(complaintId: $id, to: $to, note: $note, amountOwed: $amountOwed) {
      id
      stage
      result
    }
  }
`);
const FORWARD = graphql(`
  mutation ForwardComplaint($id: ID!, $to: String!, $reason: String!) {
    forwardComplaint(complaintId: $id, toDepartment: $to, reason: $reason) {
      id
      handlerDept
    }
  }
`);

const DEPARTMENTS = ['HOUSING_CONSTRUCTION', 'HRSS', 'LABOUR_INSPECTION'] as const;
const DEPARTMENT_NAMES: Record<string, [string, string]> = {
  HOUSING_CONSTRUCTION: ['住房城乡建设', 'Housing and construction'],
  HRSS: ['人力资源社会保障', 'Human resources and social security'],
  LABOUR_INSPECTION: ['劳动保障监察', 'Labour inspection'],
};

type ComplaintRow = NonNullable<ComplaintQueueQuery['complaints']>['nodes'][number];

type Decision = { id: string; to: string; category: string } | { id: string; forward: true };

/** 投诉受理: the region's queue with the deadline in working days; accept, forward, investigate, verify or reject with the result the worker reads. */
export function BureauComplaints({ principal }: { principal: Principal }) {
  const { t } = useI18n();
  const stageName = (stage: string) => complaintStageName(stage, t);
  const [filter, setFilter] = useState<{ stage?: string; overdueOnly?: boolean }>({});
  const queue = useQuery(QUEUE, { variables: { region: principal.regions[0] ?? '', ...filter }, errorPolicy: 'all' });
  const [advance] = useMutation(ADVANCE);
  const [forward] = useMutation(FORWARD);
  const [decision, setDecision] = useState<Decision>();
  const [refusal, setRefusal] = useState<string>();
  const [form] = Form.useForm<{ note?: string; amountOwed?: string; department?: string }>();

  const decide = async () => {
    if (!decision) return;
    const values = await form.validateFields();
    setRefusal(undefined);
    try {
      if ('forward' in decision) await forward({ variables: { id: decision.id, to: values.department ?? '', reason: values.note ?? '' } });
      else
        await advance({
          variables: { id: decision.id, to: decision.to, note: values.note || undefined, amountOwed: values.amountOwed ? fenOf(values.amountOwed) : undefined },
        });
      setDecision(undefined);
      form.resetFields();
      await queue.refetch();
    } catch (error) {
      setRefusal(messageOf(error));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Select
          aria-label={t('阶段', 'Stage')}
          allowClear
          placeholder={t('全部阶段', 'All stages')}
          style={{ width: 180 }}
          options={COMPLAINT_STAGES.map(([value, zh, en]) => ({ value, label: t(zh, en) }))}
          onChange={(stage?: string) => setFilter({ ...filter, stage })}
        />
        <Button type={filter.overdueOnly ? 'primary' : 'default'} onClick={() => setFilter({ ...filter, overdueOnly: !filter.overdueOnly || undefined })}>
          {t('仅看超期', 'Overdue only')}
        </Button>
      </Space>
      {queue.error && <Alert type="error" showIcon title={queue.error.message} />}
      <Table<ComplaintRow>
        rowKey="id"
        size="small"
        dataSource={queue.data?.complaints?.nodes ?? []}
        expandable={{
          expandedRowRender: (complaint) => (
            <Timeline
              items={complaint.steps.map((step) => ({
                key: `${step.at}${step.action}`,
                content: `${chinaTime(step.at)} ${step.action} ${step.actor}${step.note ? ` · ${step.note}` : ''}`,
              }))}
            />
          ),
        }}
        columns={[
          { title: t('收到时间', 'Received'), dataIndex: 'receivedAt', render: chinaTime },
          {
            title: t('类别', 'Category'),
            dataIndex: 'category',
            render: (category: string) => (category === 'WAGE_ARREARS' ? t('欠薪', 'Wage arrears') : t('其他', 'Other')),
          },
          { title: t('被投诉企业', 'Employer'), dataIndex: 'employerUscc' },
          { title: t('诉求', 'Complaint'), dataIndex: 'description', ellipsis: true },
          { title: t('金额', 'Claimed'), dataIndex: 'amountClaimed', render: yuan },
          {
            title: t('承办部门', 'Department'),
            dataIndex: 'handlerDept',
            render: (dept: string) => (DEPARTMENT_NAMES[dept] ? t(...DEPARTMENT_NAMES[dept]) : dept),
          },
          { title: t('阶段', 'Stage'), dataIndex: 'stage', render: (stage: string) => <Tag>{stageName(stage)}</Tag> },
          {
            title: t('办理时限', 'Deadline'),
            key: 'deadline',
            render: (_: unknown, complaint) =>
              complaint.workingDaysLeft === null || complaint.workingDaysLeft === undefined ? (
                complaint.dueOn
              ) : (
                <StatusTag tone={complaint.overdue ? 'red' : complaint.workingDaysLeft <= 5 ? 'orange' : 'blue'}>
                  {complaint.overdue
                    ? t(`已超期 ${-complaint.workingDaysLeft} 个工作日`, `${-complaint.workingDaysLeft} working days overdue`)
                    : t(`剩余 ${complaint.workingDaysLeft} 个工作日`, `${complaint.workingDaysLeft} working days left`)}{' '}
                  ({complaint.dueOn})
                </StatusTag>
              ),
          },
          {
            title: t('办理', 'Handle'),
            key: 'handle',
            render: (_: unknown, complaint) =>
              complaint.handlerDept !== principal.dept ? (
                t('由承办部门办理', 'Handled by its department')
              ) : (
                <Space wrap>
                  {complaint.nextStages.map((to) => (
                    <Button
                      key={to}
                      size="small"
                      danger={to === 'REJECTED'}
                      onClick={() => setDecision({ id: complaint.id, to, category: complaint.category })}
                    >
                      {stageName(to)}
                    </Button>
                  ))}
                  {(complaint.stage === 'NEW' || complaint.stage === 'ACCEPTED') && (
                    <Button size="small" onClick={() => setDecision({ id: complaint.id, forward: true })}>
                      {t('转办', 'Forward')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(decision)}
        title={decision && ('forward' in decision ? t('转办', 'Forward') : stageName(decision.to))}
        okText={t('确定', 'Confirm')}
        cancelText={t('取消', 'Cancel')}
        onOk={() => void decide()}
        onCancel={() => setDecision(undefined)}
      >
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          {decision && 'forward' in decision && (
            <Form.Item name="department" label={t('转至部门', 'To department')} rules={[{ required: true, message: t('请选择部门', 'Choose the department') }]}>
              <Select options={DEPARTMENTS.map((value) => ({ value, label: t(...DEPARTMENT_NAMES[value]!) }))} />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={decision && 'forward' in decision ? t('转办理由', 'Reason') : t('处理结果（告知投诉人）', 'Result, as the worker will read it')}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          {decision && !('forward' in decision) && decision.to === 'VERIFIED' && decision.category === 'WAGE_ARREARS' && (
            <Form.Item
              name="amountOwed"
              label={t('查实欠薪金额（元）', 'Wages owed (yuan)')}
              rules={[
                {
                  required: true,
                  validator: async (_, value: string) =>
                    fenOf(value ?? '') ? undefined : Promise.reject(new Error(t('请填写金额，如 12000.00', 'An amount such as 12000.00'))),
                },
              ]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
