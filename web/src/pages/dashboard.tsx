import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Drawer, Row, Select, Statistic, Table } from 'antd';
import { Chart } from '../components/chart';
import { chinaPeriod, chinaTime, chinaYear, shiftPeriod } from '../calendar';
import { eligibilityRuleName } from '../eligibility-rules';
import { COMPLAINT_STAGES, complaintStageName, OPEN_COMPLAINT_STAGES } from '../complaint-stages';
import { graphql } from '../generated';
import { StatusTag, WARNING_TONE } from '../components/status-tag';
import { useI18n } from '../i18n';
import { yuan, yuanNumber } from '../money';
import { countiesOf, regionName } from '../regions';
import type { Principal } from '../session';

const DASHBOARD = graphql(`
  query Dashboard($region: String!, $from: String!, $to: String!, $year: Int!) {
    identityStatistics(regionCode: $region, from: $from, to: $to) {
      registeredWorkers
      activeEnrolments
      attendance {
        regionCode
        period
        workers
        workerDays
      }
    }
    enterpriseStatistics(regionCode: $region) {
      enterprises
      eligible
      ineligible
      byReason {
        key
        count
      }
      projectsByStage {
        key
        count
      }
    }
    payrollStatistics(regionCode: $region) {
      periods {
        period
        due
        paid
        workersPaid
      }
      warnings {
        month
        colour
        raised
        open
      }
    }
    complaintStatistics(regionCode: $region) {
      byStage {
        category
        stage
        count
        overdue
      }
    }
    trainingProgress(regionCode: $region, year: $year) {
      target
      completed
    }
    insuranceCoverageGaps(regionCode: $region) {
      projects
      workers
    }
  }
`);

const REGION_PROJECTS = graphql(`
  query RegionProjects($region: String!) {
    projects(regionCode: $region, first: 100) {
      nodes {
        id
        name
        stage
        regionCode
      }
    }
    arrearsWarnings(regionCode: $region, first: 100) {
      nodes {
        id
        colour
        projectId
        message
        raisedAt
      }
    }
  }
`);

const COLOURS = { RED: '#cf1322', YELLOW: '#d4b106', BLUE: '#1677ff' } as const;
/** How often the wall screen asks again (the figures move as sweeps and payments land). */
const REFRESH_MS = 60_000;

/** 监控预警平台: the figures of a region and its counties, with drill-down to projects where the caller may see them. */
export function Dashboard({ principal, now }: { principal: Principal; now: () => Date }) {
  const { t, language } = useI18n();
  const home = principal.regions[0] ?? '130500';
  const [region, setRegion] = useState(home);
  const [projectId, setProjectId] = useState<string>();
  const today = now();
  const thisMonth = chinaPeriod(today);
  const variables = { region, from: shiftPeriod(thisMonth, -11), to: thisMonth, year: chinaYear(today) };
  const { data, error, loading } = useQuery(DASHBOARD, { variables, pollInterval: REFRESH_MS, errorPolicy: 'all' });
  const projects = useQuery(REGION_PROJECTS, { variables: { region }, pollInterval: REFRESH_MS, errorPolicy: 'all' });

  const periods = data?.payrollStatistics?.periods ?? [];
  const current = periods.find((period) => period.period === thisMonth);
  const warnings = data?.payrollStatistics?.warnings ?? [];
  const openByColour = (colour: keyof typeof COLOURS) =>
    warnings.filter((warning) => warning.colour === colour).reduce((sum, warning) => sum + warning.open, 0);
  const complaints = data?.complaintStatistics?.byStage ?? [];
  const openComplaints = complaints.filter((entry) => OPEN_COMPLAINT_STAGES.has(entry.stage)).reduce((sum, entry) => sum + entry.count, 0);
  const overdueComplaints = complaints.reduce((sum, entry) => sum + entry.overdue, 0);
  const stages = data?.enterpriseStatistics?.projectsByStage ?? [];
  const training = data?.trainingProgress;

  const payOption = useMemo(() => {
    if (!periods.length) return undefined;
    // The graph lists the newest month first; the chart reads left to right in time.
    const months = [...periods].reverse();
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('应发', 'Due'), t('实发', 'Paid')] },
      xAxis: { type: 'category', data: months.map((period) => period.period) },
      yAxis: { type: 'value', name: t('元', 'CNY') },
      series: [
        { name: t('应发', 'Due'), type: 'bar', data: months.map((period) => yuanNumber(period.due)) },
        { name: t('实发', 'Paid'), type: 'bar', data: months.map((period) => yuanNumber(period.paid)) },
      ],
    };
  }, [periods, t]);
  const warningOption = useMemo(() => {
    if (!warnings.length) return undefined;
    const months = [...new Set(warnings.map((warning) => warning.month))].sort();
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: (Object.keys(COLOURS) as Array<keyof typeof COLOURS>).map((colour) => ({
        name: { RED: t('红色', 'Red'), YELLOW: t('黄色', 'Yellow'), BLUE: t('蓝色', 'Blue') }[colour],
        type: 'line',
        color: COLOURS[colour],
        data: months.map((month) =>
          warnings.filter((warning) => warning.month === month && warning.colour === colour).reduce((sum, warning) => sum + warning.raised, 0),
        ),
      })),
    };
  }, [warnings, t]);
  const countyRows = useMemo(() => {
    const byCounty = new Map<string, { regionCode: string; workers: number; workerDays: number }>();
    for (const entry of data?.identityStatistics?.attendance ?? []) {
      if (entry.period !== thisMonth && entry.period !== shiftPeriod(thisMonth, -1)) continue;
      const row = byCounty.get(entry.regionCode) ?? { regionCode: entry.regionCode, workers: 0, workerDays: 0 };
      row.workers = Math.max(row.workers, entry.workers);
      row.workerDays += entry.workerDays;
      byCounty.set(entry.regionCode, row);
    }
    return [...byCounty.values()].sort((a, b) => b.workerDays - a.workerDays);
  }, [data, thisMonth]);
  const countyOption = useMemo(
    () =>
      countyRows.length
        ? {
            tooltip: {},
            xAxis: { type: 'category', data: countyRows.map((row) => regionName(row.regionCode, language)) },
            yAxis: { type: 'value', name: t('人日', 'worker-days') },
            series: [{ type: 'bar', name: t('出勤人日', 'Worker-days'), data: countyRows.map((row) => row.workerDays) }],
          }
        : undefined,
    [countyRows, language, t],
  );
  const reasonOption = useMemo(() => {
    const reasons = data?.enterpriseStatistics?.byReason ?? [];
    return reasons.length
      ? {
          tooltip: {},
          series: [{ type: 'pie', radius: ['40%', '70%'], data: reasons.map((reason) => ({ name: eligibilityRuleName(reason.key, t), value: reason.count })) }],
        }
      : undefined;
  }, [data, t]);

  const complaintOption = useMemo(() => {
    if (!complaints.length) return undefined;
    const stages = COMPLAINT_STAGES.map(([stage]) => stage);
    const count = (stage: string, overdue: boolean) =>
      complaints.filter((entry) => entry.stage === stage).reduce((sum, entry) => sum + (overdue ? entry.overdue : entry.count - entry.overdue), 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      xAxis: { type: 'category', data: stages.map((stage) => complaintStageName(stage, t)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('期限内', 'Within the deadline'), type: 'bar', stack: 'all', data: stages.map((stage) => count(stage, false)) },
        { name: t('已超期', 'Overdue'), type: 'bar', stack: 'all', color: COLOURS.RED, data: stages.map((stage) => count(stage, true)) },
      ],
    };
  }, [complaints, language, t]);

  const charts = [
    { title: t('工资应发与实发（按月）', 'Wages due and paid by month'), option: payOption, wide: true },
    { title: t('预警（按月、按颜色）', 'Warnings by month and colour'), option: warningOption, wide: true },
    { title: t('各县区出勤（近两月）', 'Attendance by county, last two months'), option: countyOption, wide: false },
    { title: t('欠薪投诉（按阶段）', 'Complaints by stage'), option: complaintOption, wide: false },
    { title: t('企业不得参与投标原因', 'Why enterprises may not bid'), option: reasonOption, wide: false },
  ];
  const regionOptions = [home, ...countiesOf(home)].map((code) => ({ value: code, label: regionName(code, language) }));
  const projectWarnings = (id: string) => (projects.data?.arrearsWarnings?.nodes ?? []).filter((warning) => warning?.projectId === id);

  return (
    <div className="dashboard">
      <Row justify="space-between" align="middle" style={{ marginBottom: 16 }}>
        <h1 style={{ margin: 0 }}>{t('农民工工资支付监控预警平台', 'Wage payment monitoring and early warning')}</h1>
        <Select aria-label={t('地区', 'Region')} value={region} onChange={setRegion} options={regionOptions} style={{ width: 220 }} />
      </Row>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {[
          [t('实名登记工人', 'Registered workers'), data?.identityStatistics?.registeredWorkers],
          [t('在岗用工', 'Active enrolments'), data?.identityStatistics?.activeEnrolments],
          [t('在建项目', 'Projects under construction'), stages.find((stage) => stage.key === 'CONSTRUCTION')?.count ?? 0],
          [t('本月应发工资', 'Wages due this month'), yuan(current?.due ?? '0')],
          [t('本月实发工资', 'Wages paid this month'), yuan(current?.paid ?? '0')],
          [t('未办结投诉', 'Open complaints'), openComplaints],
          [t('超期投诉', 'Overdue complaints'), overdueComplaints],
          [t('未参加工伤保险项目', 'Projects without injury insurance'), data?.insuranceCoverageGaps?.projects],
          [t('失信/不良企业', 'Ineligible enterprises'), data?.enterpriseStatistics?.ineligible],
          [t('年度培训完成', 'Trained this year'), training ? `${training.completed}${training.target ? ` / ${training.target}` : ''}` : undefined],
        ].map(([title, value]) => (
          <Col key={String(title)} xs={12} md={6} xl={4}>
            <Card size="small">
              <Statistic title={title} value={value ?? '—'} />
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title={t('欠薪预警（未处置）', 'Open arrears warnings')}>
            {(Object.keys(COLOURS) as Array<keyof typeof COLOURS>).map((colour) => (
              <StatusTag key={colour} tone={WARNING_TONE[colour]} large>
                {{ RED: t('红', 'Red'), YELLOW: t('黄', 'Yellow'), BLUE: t('蓝', 'Blue') }[colour]} {openByColour(colour)}
              </StatusTag>
            ))}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {charts.map(({ title, option, wide }) => (
          <Col key={title} xs={24} xl={wide ? 12 : 8}>
            <Card size="small" title={title}>
              <Chart loading={loading && !data} label={title} option={option} />
            </Card>
          </Col>
        ))}
      </Row>
      {(projects.data?.projects?.nodes.length ?? 0) > 0 && (
        <Card size="small" title={t('项目', 'Projects')} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            dataSource={projects.data?.projects?.nodes ?? []}
            onRow={(project) => ({ onClick: () => setProjectId(project.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('项目名称', 'Project'), dataIndex: 'name' },
              { title: t('阶段', 'Stage'), dataIndex: 'stage' },
              { title: t('地区', 'Region'), dataIndex: 'regionCode', render: (code: string) => regionName(code, language) },
              {
                title: t('预警', 'Warnings'),
                key: 'warnings',
                render: (_: unknown, project: { id: string }) =>
                  projectWarnings(project.id).map((warning) => (
                    <StatusTag key={warning?.id} tone={WARNING_TONE[warning?.colour ?? 'BLUE']}>
                      {warning?.colour}
                    </StatusTag>
                  )),
              },
            ]}
          />
        </Card>
      )}
      <Drawer
        open={Boolean(projectId)}
        onClose={() => setProjectId(undefined)}
        size={560}
        title={t('项目预警', "The project's warnings")}
        extra={projectId && <a href={`#/notice/${projectId}`}>{t('维权信息告示牌', 'Rights notice board')}</a>}
      >
        {projectId &&
          projectWarnings(projectId).map((warning) => (
            <Alert
              key={warning?.id}
              type={warning?.colour === 'RED' ? 'error' : 'warning'}
              title={warning?.message}
              description={warning ? chinaTime(warning.raisedAt) : ''}
              style={{ marginBottom: 8 }}
            />
          ))}
      </Drawer>
    </div>
  );
}
