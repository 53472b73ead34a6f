import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Collapse, Descriptions, Form, Input, List, Select, Tag } from 'antd';
import { chinaDay, chinaTime } from '../calendar';
import { graphql } from '../generated';
import { useI18n } from '../i18n';
import { messageOf } from '../refusals';
import { StatusTag } from '../components/status-tag';
import { fenOf, yuan } from '../money';

const ME = graphql(`
  query WorkerHome {
    me {
      id
      name
      trade {
        name
      }
      realNameCard {
        number
        status
      }
      wageCard {
        bankCode
        cardNumber
      }
      enrolments {
        id
        projectId
        employerUscc
        status
        startDate
      }
      training {
        kind
        programme
        hours
        certificateNumber
        completedAt
      }
    }
    myPayslips(first: 24) {
      nodes {
        id
        period
        projectId
        days
        gross
        totalDeductions
        deductions {
          label
          amount
        }
        net
        confirmedAt
        disputedAt
        disputeReason
        payment {
          status
          bankCode
          settledAt
          failureReason
        }
      }
    }
    myComplaints(first: 20) {
      nodes {
        id
        category
        description
        stage
        receivedAt
        dueOn
        result
        steps {
          action
          note
          at
        }
      }
    }
  }
`);
const CONFIRM = graphql(`
  mutation ConfirmMyLine($id: ID!) {
    confirmWageLine(lineId: $id) {
      id
      confirmedAt
    }
  }
`);
const DISPUTE = graphql(`
  mutation DisputeMyLine($id: ID!, $reason: String!) {
    disputeWageLine(lineId: $id, reason: $reason) {
      id
      disputedAt
      disputeReason
    }
  }
`);
const FILE = graphql(`
  mutation FileMyComplaint($input: FileComplaintInput!) {
    fileComplaint(input: $input) {
      id
      stage
      dueOn
    }
  }
`);

/** 工人端 (phone layout): my wages by month, my cards, my training, and my complaints from filing to result. */
export function WorkerHome({ complaintProjectId }: { complaintProjectId?: string }) {
  const { t } = useI18n();
  const home = useQuery(ME, { errorPolicy: 'all' });
  const [file, filing] = useMutation(FILE);
  const [confirmLine] = useMutation(CONFIRM);
  const [disputeLine] = useMutation(DISPUTE);
  const [disputing, setDisputing] = useState<string>();
  const [disputeReason, setDisputeReason] = useState('');
  const settle = async (run: () => Promise<unknown>) => {
    setRefusal(undefined);
    try {
      await run();
      setDisputing(undefined);
      await home.refetch();
    } catch (error) {
      setRefusal(messageOf(error));
    }
  };
  const [form] = Form.useForm<{ category: string; employerUscc: string; description: string; amountClaimed?: string }>();
  const [filed, setFiled] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const me = home.data?.me;
  const enrolments = me?.enrolments ?? [];
  const employerOfProject = enrolments.find((enrolment) => enrolment.projectId === complaintProjectId)?.employerUscc;
  // The QR code on a site's notice board names the project; the worker's enrolment there names the employer.
  useEffect(() => {
    if (employerOfProject && !form.getFieldValue('employerUscc')) form.setFieldValue('employerUscc', employerOfProject);
  }, [employerOfProject, form]);

  const submit = async (values: { category: string; employerUscc: string; description: string; amountClaimed?: string }) => {
    setRefusal(undefined);
    const projectId = complaintProjectId ?? enrolments.find((enrolment) => enrolment.employerUscc === values.employerUscc)?.projectId;
    try {
      const result = await file({
        variables: {
          input: {
            category: values.category,
            employerUscc: values.employerUscc.trim().toUpperCase(),
            projectId,
            description: values.description,
            amountClaimed: values.amountClaimed ? fenOf(values.amountClaimed) : undefined,
          },
        },
      });
      setFiled(result.data?.fileComplaint.dueOn);
      form.resetFields();
      if (employerOfProject) form.setFieldValue('employerUscc', employerOfProject);
      await home.refetch();
    } catch (error) {
      setRefusal(messageOf(error));
    }
  };

  return (
    <div className="phone">
      {home.error && <Alert type="error" showIcon title={home.error.message} />}
      {me && (
        <Card size="small" title={`${me.name} · ${me.trade.name}`}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('实名制卡', 'Real-name card')}>
              {me.realNameCard ? (
                <>
                  {me.realNameCard.number} <StatusTag tone={me.realNameCard.status === 'ACTIVE' ? 'green' : 'red'}>{me.realNameCard.status}</StatusTag>
                </>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('工资卡', 'Wage card')}>
              {me.wageCard ? `${me.wageCard.bankCode} ${me.wageCard.cardNumber}` : t('未登记', 'None yet')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <h2>{t('我的工资', 'My wages')}</h2>
      <List
        dataSource={home.data?.myPayslips?.nodes ?? []}
        locale={{ emptyText: t('暂无工资记录', 'No wages yet') }}
        renderItem={(line) => (
          <List.Item key={line.id}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={`${line.period} · ${t('出勤', 'worked')} ${line.days} ${t('天', 'days')}`}
              extra={<strong>{yuan(line.net)}</strong>}
            >
              <div>
                {t('应发', 'Gross')} {yuan(line.gross)} · {t('扣款', 'Deductions')} {yuan(line.totalDeductions)}
                {line.deductions.length > 0 && ` (${line.deductions.map((item) => `${item.label} ${yuan(item.amount)}`).join('，')})`}
              </div>
              <div>
                {line.payment ? (
                  line.payment.settledAt ? (
                    t(
                      `${chinaDay(new Date(line.payment.settledAt))} 已发放至 ${line.payment.bankCode} 工资卡`,
                      `Paid ${chinaDay(new Date(line.payment.settledAt))} to the ${line.payment.bankCode} wage card`,
                    )
                  ) : (
                    <StatusTag tone={line.payment.status === 'FAILED' ? 'red' : 'blue'}>
                      {line.payment.status}
                      {line.payment.failureReason ? ` · ${line.payment.failureReason}` : ''}
                    </StatusTag>
                  )
                ) : (
                  <Tag>{t('待发放', 'Not paid yet')}</Tag>
                )}
              </div>
              {!line.payment && !line.confirmedAt && !line.disputedAt && (
                <div style={{ marginTop: 8 }}>
                  <Button type="primary" size="small" onClick={() => void settle(() => confirmLine({ variables: { id: line.id } }))}>
                    {t('确认无误', 'Confirm')}
                  </Button>{' '}
                  <Button size="small" onClick={() => setDisputing(line.id)}>
                    {t('有异议', 'Dispute')}
                  </Button>
                </div>
              )}
              {line.confirmedAt && <div>{t('已确认', 'Confirmed')}</div>}
              {line.disputedAt && <div>{t(`已提出异议：${line.disputeReason ?? ''}`, `Disputed: ${line.disputeReason ?? ''}`)}</div>}
              {disputing === line.id && (
                <div style={{ marginTop: 8 }}>
                  <Input.TextArea
                    aria-label={t('异议说明', 'What is wrong')}
                    rows={2}
                    value={disputeReason}
                    onChange={(event) => setDisputeReason(event.target.value)}
                  />
                  <Button size="small" danger onClick={() => void settle(() => disputeLine({ variables: { id: line.id, reason: disputeReason } }))}>
                    {t('提交异议', 'Send the dispute')}
                  </Button>
                </div>
              )}
            </Card>
          </List.Item>
        )}
      />
      <h2>{t('培训与证书', 'Training and certificates')}</h2>
      <List
        size="small"
        dataSource={me?.training ?? []}
        locale={{ emptyText: t('暂无培训记录', 'No training yet') }}
        renderItem={(record) => (
          <List.Item key={`${record.programme}${record.completedAt}`}>
            {record.programme} · {record.hours} {t('学时', 'h')} · {chinaDay(new Date(record.completedAt))}
            {record.certificateNumber && ` · ${t('证书', 'certificate')} ${record.certificateNumber}`}
          </List.Item>
        )}
      />
      <h2 id="complain">{t('我要投诉', 'File a complaint')}</h2>
      {filed && <Alert type="success" showIcon title={t(`投诉已受理登记，办理时限至 ${filed}`, `Complaint filed; to be handled by ${filed}`)} />}
      {refusal && <Alert type="error" showIcon title={refusal} />}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ category: 'WAGE_ARREARS' }}>
        <Form.Item name="category" label={t('类别', 'Category')}>
          <Select
            options={[
              { value: 'WAGE_ARREARS', label: t('拖欠工资', 'Wage arrears') },
              { value: 'OTHER', label: t('其他', 'Other') },
            ]}
          />
        </Form.Item>
        <Form.Item name="employerUscc" label={t('用工企业', 'Employer')} rules={[{ required: true, message: t('请选择用工企业', 'Choose the employer') }]}>
          <Select options={[...new Set(enrolments.map((enrolment) => enrolment.employerUscc))].map((uscc) => ({ value: uscc, label: uscc }))} />
        </Form.Item>
        <Form.Item name="amountClaimed" label={t('被拖欠金额（元，可不填）', 'Amount owed (yuan, optional)')}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('情况说明', 'What happened')}
          rules={[{ required: true, min: 5, message: t('请说明情况（至少5个字）', 'Describe it (5 characters or more)') }]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={filing.loading}>
          {t('提交投诉', 'File the complaint')}
        </Button>
      </Form>
      <h2>{t('我的投诉', 'My complaints')}</h2>
      <Collapse
        items={(home.data?.myComplaints?.nodes ?? []).map((complaint) => ({
          key: complaint.id,
          label: (
            <>
              {chinaDay(new Date(complaint.receivedAt))} <Tag>{complaint.stage}</Tag> {complaint.description.slice(0, 20)}
            </>
          ),
          children: (
            <>
              {complaint.result && <Alert type="info" title={`${t('处理结果', 'Result')}：${complaint.result}`} style={{ marginBottom: 8 }} />}
              <ul>
                {complaint.steps.map((step) => (
                  <li key={`${step.at}${step.action}`}>
                    {chinaTime(step.at)} {step.action}
                    {step.note ? ` · ${step.note}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ),
        }))}
      />
    </div>
  );
}
