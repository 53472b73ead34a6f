import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Input, Modal, Space, Table } from 'antd';
import { chinaTime } from '../calendar';
import { graphql } from '../generated';
import type { PendingStepsQuery } from '../generated/graphql';
import { useI18n } from '../i18n';
import { refusalsOf, type Refusal } from '../refusals';
import type { Principal } from '../session';

const PENDING = graphql(`
  query PendingSteps($region: String!) {
    projects(regionCode: $region, first: 100) {
      nodes {
        id
        name
        stage
        steps {
          id
          from
          to
          status
          reviewingDepartment
          requestedBy
          requestedAt
          details {
            noticeNumber
            permitNumber
            startedOn
            acceptedOn
            note
          }
        }
      }
    }
  }
`);
const REVIEW = graphql(`
  mutation ReviewStep($input: ReviewProjectStepInput!) {
    reviewProjectStep(input: $input) {
      id
      status
    }
  }
`);

type Project = NonNullable<PendingStepsQuery['projects']>['nodes'][number];
type Row = Project['steps'][number] & { projectName: string };

const STAGES: Record<string, [string, string]> = {
  BIDDING: ['招投标', 'Bidding'],
  AWARDED: ['已中标', 'Awarded'],
  PERMITTED: ['已取得施工许可', 'Permitted'],
  CONSTRUCTION: ['施工中', 'Under construction'],
  COMPLETED: ['已竣工', 'Completed'],
  CLOSED: ['已结项', 'Closed'],
};

/** 项目闭环审核: the lifecycle steps of the region's projects that wait for this department's review (谁主管谁负责). */
export function BureauProjectSteps({ principal }: { principal: Principal }) {
  const { t } = useI18n();
  const pending = useQuery(PENDING, { variables: { region: principal.regions[0] ?? '' }, errorPolicy: 'all' });
  const [review] = useMutation(REVIEW);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [rejecting, setRejecting] = useState<string>();
  const [comment, setComment] = useState('');
  const stage = (name: string) => (STAGES[name] ? t(...STAGES[name]) : name);
  const rows: Row[] = (pending.data?.projects?.nodes ?? []).flatMap((project) =>
    project.steps
      .filter((step) => step.status === 'PENDING' && step.reviewingDepartment === principal.dept)
      .map((step) => ({ ...step, projectName: project.name })),
  );

  const decide = async (stepId: string, approve: boolean, note?: string) => {
    setRefusals([]);
    try {
      await review({ variables: { input: { stepId, approve, comment: note } } });
      setRejecting(undefined);
      setComment('');
      await pending.refetch();
    } catch (error) {
      setRefusals(refusalsOf(error));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {pending.error && <Alert type="error" showIcon title={pending.error.message} />}
      {refusals.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('未通过，未作任何更改', 'Refused; nothing was changed')}
          description={refusals.map((refusal) => `${refusal.code}: ${refusal.message}`).join(' ')}
        />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('暂无待本部门审核的环节', 'Nothing waits for your review') }}
        columns={[
          { title: t('项目', 'Project'), dataIndex: 'projectName' },
          { title: t('环节', 'Step'), key: 'step', render: (_: unknown, step) => `${stage(step.from)} → ${stage(step.to)}` },
          {
            title: t('申报内容', 'Entered'),
            key: 'details',
            render: (_: unknown, step) =>
              [step.details.noticeNumber, step.details.permitNumber, step.details.startedOn, step.details.acceptedOn, step.details.note]
                .filter(Boolean)
                .join('；'),
          },
          { title: t('申报人', 'Entered by'), dataIndex: 'requestedBy' },
          { title: t('申报时间', 'Entered at'), dataIndex: 'requestedAt', render: chinaTime },
          {
            title: t('审核', 'Review'),
            key: 'review',
            render: (_: unknown, step) => (
              <Space>
                <Button type="primary" size="small" onClick={() => void decide(step.id, true)}>
                  {t('通过', 'Approve')}
                </Button>
                <Button danger size="small" onClick={() => setRejecting(step.id)}>
                  {t('退回', 'Reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(rejecting)}
        title={t('退回申报', 'Reject the step')}
        okText={t('确定', 'Confirm')}
        cancelText={t('取消', 'Cancel')}
        onCancel={() => setRejecting(undefined)}
        onOk={() => rejecting && void decide(rejecting, false, comment)}
      >
        <Input.TextArea aria-label={t('需要改正的内容', 'What to correct')} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
      </Modal>
    </Space>
  );
}
