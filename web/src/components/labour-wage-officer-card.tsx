import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input } from 'antd';
import { graphql } from '../generated';
import { useI18n } from '../i18n';
import { refusalsOf, type Refusal } from '../refusals';

const OFFICER = graphql(`
  query ProjectLabourWageOfficer($projectId: ID!) {
    project(id: $projectId) {
      id
      labourWageOfficer {
        name
        phone
        appointedAt
      }
    }
  }
`);
const APPOINT = graphql(`
  mutation AppointLabourWageOfficer($input: AppointLabourWageOfficerInput!) {
    appointLabourWageOfficer(input: $input) {
      id
      labourWageOfficer {
        name
        phone
        appointedAt
      }
    }
  }
`);

/** 劳资专管员: who is in force on the project, and (for whoever may register the project) appointing the next one. */
export function LabourWageOfficerCard({ projectId, mayAppoint }: { projectId: string; mayAppoint: boolean }) {
  const { t } = useI18n();
  const officer = useQuery(OFFICER, { variables: { projectId }, errorPolicy: 'all' });
  const [appoint, appointing] = useMutation(APPOINT);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const current = officer.data?.project?.labourWageOfficer;
  const submit = async (input: { name: string; phone: string }) => {
    setRefusals([]);
    try {
      await appoint({ variables: { input: { projectId, ...input } } });
    } catch (error) {
      setRefusals(refusalsOf(error));
    }
  };
  return (
    <Card size="small" title={t('劳资专管员', 'Labour-wage officer')} style={{ marginTop: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('现任', 'In office')}>
          {current ? `${current.name}（${current.phone}）` : t('尚未任命', 'None appointed')}
        </Descriptions.Item>
      </Descriptions>
      {mayAppoint && (
        <Form layout="inline" onFinish={(values: { name: string; phone: string }) => void submit(values)} style={{ marginTop: 8 }}>
          <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="phone" label={t('电话', 'Phone')} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Button htmlType="submit" loading={appointing.loading}>
            {current ? t('更换', 'Replace') : t('任命', 'Appoint')}
          </Button>
        </Form>
      )}
      {refusals.map((refusal) => (
        <Alert key={refusal.code + refusal.message} type="error" showIcon style={{ marginTop: 8 }} title={`${refusal.code}: ${refusal.message}`} />
      ))}
    </Card>
  );
}
