import { useQuery } from '@apollo/client/react';
import { Alert, Table } from 'antd';
import { chinaTime } from '../calendar';
import { graphql } from '../generated';
import { useI18n } from '../i18n';
import { StatusTag, WARNING_TONE } from '../components/status-tag';
import type { Principal } from '../session';

const WARNINGS = graphql(`
  query OpenWarnings($region: String!) {
    arrearsWarnings(regionCode: $region, first: 100) {
      nodes {
        id
        colour
        ruleCode
        message
        raisedAt
        uscc
        projectId
      }
    }
  }
`);
const PROJECTS = graphql(`
  query WarningProjects($region: String!) {
    projects(regionCode: $region, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** 欠薪预警: the region's open red, yellow and blue warnings, each leading to its project. */
export function BureauWarnings({ principal, openProject }: { principal: Principal; openProject(projectId: string): void }) {
  const { t } = useI18n();
  const region = principal.regions[0] ?? '';
  const warnings = useQuery(WARNINGS, { variables: { region }, errorPolicy: 'all' });
  const projects = useQuery(PROJECTS, { variables: { region }, errorPolicy: 'all' });
  const projectName = (id: string) => projects.data?.projects?.nodes.find((project) => project.id === id)?.name ?? id;
  const rows = (warnings.data?.arrearsWarnings?.nodes ?? []).flatMap((warning) => (warning ? [warning] : []));
  return (
    <>
      {warnings.error && <Alert type="error" showIcon title={warnings.error.message} />}
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        columns={[
          {
            title: t('颜色', 'Colour'),
            dataIndex: 'colour',
            render: (colour: keyof typeof WARNING_TONE) => <StatusTag tone={WARNING_TONE[colour]}>{colour}</StatusTag>,
          },
          { title: t('规则', 'Rule'), dataIndex: 'ruleCode' },
          { title: t('预警内容', 'Warning'), dataIndex: 'message' },
          { title: t('企业', 'Enterprise'), dataIndex: 'uscc' },
          {
            title: t('项目', 'Project'),
            dataIndex: 'projectId',
            render: (id: string) => (
              <a href={`#/notice/${id}`} onClick={(event) => (event.preventDefault(), openProject(id))}>
                {projectName(id)}
              </a>
            ),
          },
          { title: t('预警时间', 'Raised'), dataIndex: 'raisedAt', render: chinaTime },
        ]}
      />
    </>
  );
}
