import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { Button, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { graphClient } from './apollo';
import type { WebConfig } from './config';
import { useI18n } from './i18n';
import { finishSignIn, startSignIn } from './oidc';
import { messageOf } from './refusals';
import { SignIn } from './pages/sign-in';
import { go, useRoute } from './route';
import { endSession, principalOf, saveSession, savedPrincipal, type Principal, type PrincipalKind } from './session';

// Each page in its own chunk: the dashboard screen loads without the bureau's forms, a phone without the charts.
const BureauComplaints = lazy(() => import('./pages/bureau-complaints').then((page) => ({ default: page.BureauComplaints })));
const BureauProjectSteps = lazy(() => import('./pages/bureau-project-steps').then((page) => ({ default: page.BureauProjectSteps })));
const BureauEnterprises = lazy(() => import('./pages/bureau-enterprises').then((page) => ({ default: page.BureauEnterprises })));
const BureauWarnings = lazy(() => import('./pages/bureau-warnings').then((page) => ({ default: page.BureauWarnings })));
const Dashboard = lazy(() => import('./pages/dashboard').then((page) => ({ default: page.Dashboard })));
const EnterpriseWorkspace = lazy(() => import('./pages/enterprise-workspace').then((page) => ({ default: page.EnterpriseWorkspace })));
const NoticeBoard = lazy(() => import('./pages/notice-board').then((page) => ({ default: page.NoticeBoard })));
const WorkerHome = lazy(() => import('./pages/worker-home').then((page) => ({ default: page.WorkerHome })));

interface Page {
  key: string;
  label: [string, string];
  render(principal: Principal): React.ReactNode;
}

const now = () => new Date();
/** Government red, and secondary text dark enough for WCAG AA contrast (Ant Design's defaults are lighter). */
const THEME = {
  colorPrimary: '#c41d1d',
  colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorError: '#cf1322',
};

/** The pages each kind of principal works in; the graph still decides what each page is sent. */
function pagesOf(kind: PrincipalKind, id: string | undefined, config: WebConfig): Page[] {
  const dashboard: Page = { key: 'dashboard', label: ['监控预警', 'Monitoring'], render: (principal) => <Dashboard principal={principal} now={now} /> };
  // Printed by the general contractor for its site, checked by the bureau; reached from a project, not the menu.
  const notice: Page[] = id ? [{ key: 'notice', label: ['维权告示牌', 'Rights notice'], render: () => <NoticeBoard projectId={id} config={config} /> }] : [];
  switch (kind) {
    case 'ANALYTICS':
      return [dashboard];
    case 'PORTAL':
      return [
        dashboard,
        { key: 'enterprises', label: ['企业查询', 'Enterprises'], render: () => <BureauEnterprises /> },
        {
          key: 'warnings',
          label: ['欠薪预警', 'Arrears warnings'],
          render: (principal) => <BureauWarnings principal={principal} openProject={(projectId) => go('notice', projectId)} />,
        },
        { key: 'complaints', label: ['投诉受理', 'Complaints'], render: (principal) => <BureauComplaints principal={principal} /> },
        { key: 'steps', label: ['项目审核', 'Project reviews'], render: (principal) => <BureauProjectSteps principal={principal} /> },
        ...notice,
      ];
    case 'ENTERPRISE':
      return [
        { key: 'projects', label: ['项目与工资', 'Projects and wages'], render: (principal) => <EnterpriseWorkspace principal={principal} now={now} /> },
        ...notice,
      ];
    case 'WORKER':
      return [
        { key: 'me', label: ['我的', 'Me'], render: () => <WorkerHome /> },
        { key: 'complain', label: ['投诉', 'Complain'], render: () => <WorkerHome complaintProjectId={id} /> },
      ];
    default:
      return [];
  }
}

export function App({ config }: { config: WebConfig }) {
  const { t, language, setLanguage } = useI18n();
  const [principal, setPrincipal] = useState(() => savedPrincipal(Date.now()));
  const route = useRoute();
  const client = useMemo(() => (principal ? graphClient(config.graphqlPath, principal.token) : undefined), [config.graphqlPath, principal]);
  const pages = principal ? pagesOf(principal.kind, route.id, config) : [];
  const page = pages.find((candidate) => candidate.key === route.page) ?? pages[0];
  const phone = principal?.kind === 'WORKER';

  const [signInFailure, setSignInFailure] = useState<string>();
  const signIn = (token: string) => {
    saveSession(token);
    setPrincipal(principalOf(token));
  };
  // Back from the identity provider with an authorization code: exchange it (PKCE) for the graph's token.
  useEffect(() => {
    if (!config.oidc) return;
    finishSignIn(config.oidc)
      .then((done) => done && signIn(done.token))
      .catch((error: unknown) => setSignInFailure(messageOf(error)));
  }, [config.oidc]);
  const signInWithProvider = config.oidc
    ? () => {
        const settings = config.oidc;
        if (settings) startSignIn(settings, window.location.hash).catch((error: unknown) => setSignInFailure(messageOf(error)));
      }
    : undefined;
  const signOut = () => {
    endSession();
    void client?.clearStore();
    setPrincipal(undefined);
  };

  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: THEME }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: phone ? '0 12px' : '0 24px' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: phone ? 15 : 18 }}>
            {t('一卡通 · 农民工工资保障', 'Yikatong · wage protection')}
          </Typography.Text>
          <Space>
            <Segmented
              size="small"
              value={language}
              onChange={(value) => setLanguage(value === 'en' ? 'en' : 'zh')}
              options={[
                { value: 'zh', label: '中文' },
                { value: 'en', label: 'EN' },
              ]}
            />
            {principal && (
              <Button size="small" onClick={signOut}>
                {t('退出', 'Sign out')}
              </Button>
            )}
          </Space>
        </Layout.Header>
        <Layout>
          {principal && pages.length > 1 && !phone && (
            <Layout.Sider width={180} theme="light">
              <Menu
                mode="inline"
                selectedKeys={page ? [page.key] : []}
                items={pages.map((candidate) => ({ key: candidate.key, label: t(...candidate.label) }))}
                onClick={({ key }) => go(key)}
              />
            </Layout.Sider>
          )}
          <Layout.Content style={{ padding: phone ? 12 : 24 }}>
            {!principal || !client ? (
              <SignIn config={config} onToken={signIn} signInWithProvider={signInWithProvider} failure={signInFailure} />
            ) : page ? (
              <ApolloProvider client={client}>
                <Suspense fallback={<Spin size="large" />}>{page.render(principal)}</Suspense>
              </ApolloProvider>
            ) : (
              <Typography.Paragraph>{t('此身份没有可用的页面。', 'There is no page for this kind of principal.')}</Typography.Paragraph>
            )}
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
