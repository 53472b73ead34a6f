import { useState } from 'react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Table } from 'antd';
import { chinaTime } from '../calendar';
import { graphql } from '../generated';
import type { EnterpriseVerdictFragment } from '../generated/graphql';
import { useI18n } from '../i18n';
import { messageOf } from '../refusals';
import { StatusTag } from '../components/status-tag';
import { regionName } from '../regions';

const FIND = graphql(`
  query FindEnterprises($uscc: ID!, $byUscc: Boolean!, $name: String) {
    enterprise(uscc: $uscc) @include(if: $byUscc) {
      ...EnterpriseVerdict
    }
    enterprises(nameContains: $name, first: 50) @skip(if: $byUscc) {
      nodes {
        ...EnterpriseVerdict
      }
    }
  }
  fragment EnterpriseVerdict on Enterprise {
    uscc
    name
    type
    regionCode
    legalRepresentative
    biddingEligibility {
      eligible
      reasons {
        code
        message
        source
        since
      }
    }
    realNameCards {
      number
      status
      history {
        action
        reason
        legalBasis
        authority
        actor
        at
      }
    }
    eligibilityHistory(first: 10) {
      nodes {
        at
        eligible
        cause
      }
    }
  }
`);

const FREEZE = graphql(`
  mutation FreezeCard($input: CardStatusChangeInput!) {
    freezeRealNameCard(input: $input) {
      number
      status
    }
  }
`);
const UNFREEZE = graphql(`
  mutation UnfreezeCard($input: CardStatusChangeInput!) {
    unfreezeRealNameCard(input: $input) {
      number
      status
    }
  }
`);

const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

type CardAction = { cardNumber: string; freeze: boolean };

/** 企业查询: an enterprise by USCC or name, its bidding verdict with every reason, its cards and their freezes. */
export function BureauEnterprises() {
  const { t, language } = useI18n();
  const [find, found] = useLazyQuery(FIND, { fetchPolicy: 'network-only' });
  const [action, setAction] = useState<CardAction>();
  const [freeze, freezing] = useMutation(FREEZE);
  const [unfreeze, unfreezing] = useMutation(UNFREEZE);
  const [form] = Form.useForm<{ reason: string; legalBasis: string; authority: string }>();
  const [refusal, setRefusal] = useState<string>();

  const search = (text: string) => {
    const term = text.trim().toUpperCase();
    if (!term) return;
    const byUscc = USCC_SHAPE.test(term);
    void find({ variables: { uscc: byUscc ? term : '', byUscc, name: byUscc ? undefined : text.trim() } });
  };
  const enterprises = found.data ? (found.data.enterprise ? [found.data.enterprise] : (found.data.enterprises?.nodes ?? [])) : [];

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields();
    setRefusal(undefined);
    const input = { cardNumber: action.cardNumber, ...values };
    try {
      if (action.freeze) await freeze({ variables: { input } });
      else await unfreeze({ variables: { input } });
      setAction(undefined);
      form.resetFields();
      await found.refetch();
    } catch (error) {
      setRefusal(messageOf(error));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.Search
        aria-label={t('统一社会信用代码或企业名称', 'USCC or enterprise name')}
        placeholder={t('输入统一社会信用代码或企业名称', 'USCC or part of the name')}
        enterButton={t('查询', 'Search')}
        onSearch={search}
        allowClear
        size="large"
      />
      {found.error && <Alert type="error" showIcon title={found.error.message} />}
      {found.data && enterprises.length === 0 && <Alert type="info" title={t('未找到企业', 'No enterprise found')} />}
      {enterprises.map((enterprise) => (
        <Card
          key={enterprise.uscc}
          title={enterprise.name}
          extra={
            enterprise.biddingEligibility.eligible ? (
              <StatusTag tone="green">{t('可参与投标', 'May bid')}</StatusTag>
            ) : (
              <StatusTag tone="red">{t('不得参与投标', 'May not bid')}</StatusTag>
            )
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('类型', 'Type')}>{enterprise.type}</Descriptions.Item>
            <Descriptions.Item label={t('地区', 'Region')}>{regionName(enterprise.regionCode, language)}</Descriptions.Item>
            <Descriptions.Item label={t('法定代表人', 'Legal representative')}>{enterprise.legalRepresentative}</Descriptions.Item>
          </Descriptions>
          {enterprise.biddingEligibility.reasons.length > 0 && (
            <Table
              size="small"
              rowKey={(reason) => `${reason.code}:${reason.source}`}
              pagination={false}
              caption={t('不得投标的原因', 'Why it may not bid')}
              dataSource={enterprise.biddingEligibility.reasons}
              columns={[
                { title: t('规则', 'Rule'), dataIndex: 'code' },
                { title: t('原因', 'Reason'), dataIndex: 'message' },
                { title: t('来源', 'Source'), dataIndex: 'source' },
                { title: t('起始时间', 'Since'), dataIndex: 'since', render: chinaTime },
              ]}
            />
          )}
          <Table<EnterpriseVerdictFragment['realNameCards'][number]>
            size="small"
            rowKey="number"
            pagination={false}
            caption={t('实名制卡', 'Real-name cards')}
            dataSource={enterprise.realNameCards}
            expandable={{
              expandedRowRender: (card) => (
                <ul>
                  {card.history.map((change) => (
                    <li key={`${change.at}${change.action}`}>
                      {chinaTime(change.at)} {change.action} · {change.reason} · {change.legalBasis} · {change.authority} · {change.actor}
                    </li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: t('卡号', 'Card'), dataIndex: 'number' },
              {
                title: t('状态', 'Status'),
                dataIndex: 'status',
                render: (status: string) => <StatusTag tone={status === 'FROZEN' ? 'red' : 'green'}>{status}</StatusTag>,
              },
              {
                title: t('操作', 'Action'),
                key: 'action',
                render: (_: unknown, card) =>
                  card.status === 'FROZEN' ? (
                    <Button onClick={() => setAction({ cardNumber: card.number, freeze: false })}>{t('解冻', 'Unfreeze')}</Button>
                  ) : card.status === 'ACTIVE' ? (
                    <Button danger onClick={() => setAction({ cardNumber: card.number, freeze: true })}>
                      {t('冻结', 'Freeze')}
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Table
            size="small"
            rowKey={(change) => `${change.at}${change.cause}`}
            pagination={false}
            caption={t('投标资格变更记录', 'Eligibility history')}
            dataSource={enterprise.eligibilityHistory.nodes}
            columns={[
              { title: t('时间', 'At'), dataIndex: 'at', render: chinaTime },
              {
                title: t('结果', 'Eligible'),
                dataIndex: 'eligible',
                render: (eligible: boolean) => (eligible ? t('可投标', 'may bid') : t('不得投标', 'may not bid')),
              },
              { title: t('原因', 'Cause'), dataIndex: 'cause' },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={Boolean(action)}
        title={action?.freeze ? t('冻结实名制卡', 'Freeze the card') : t('解冻实名制卡', 'Unfreeze the card')}
        okText={t('确定', 'Confirm')}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={freezing.loading || unfreezing.loading}
        onOk={() => void submit()}
        onCancel={() => setAction(undefined)}
      >
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('原因', 'Reason')} rules={[{ required: true, message: t('请填写原因', 'State the reason') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('法律依据', 'Legal basis')} rules={[{ required: true, message: t('请填写法律依据', 'State the legal basis') }]}>
            <Input placeholder="《保障农民工工资支付条例》第五十五条" />
          </Form.Item>
          <Form.Item name="authority" label={t('决定机关', 'Authority')} rules={[{ required: true, message: t('请填写决定机关', 'State the authority') }]}>
            <Input placeholder="邢台市住房和城乡建设局" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
