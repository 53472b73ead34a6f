import { Alert, Button, Card, List, Typography } from 'antd';
import type { WebConfig } from '../web-config';
import { useI18n } from '../i18n';

/** 登录: in development one of the demo principals; in production the government identity provider. */
export function SignIn({
  config,
  onToken,
  signInWithProvider,
  failure,
}: {
  config: WebConfig;
  onToken(token: string): void;
  signInWithProvider?: () => void;
  failure?: string;
}) {
  const { t } = useI18n();
  return (
    <Card
      style={{ maxWidth: 720, margin: '48px auto' }}
      title={<h1 style={{ margin: 0, fontSize: 22 }}>{t('登录 · 建筑工人实名制与工资保障平台', 'Sign in · Real-name labour and wage protection')}</h1>}
    >
      {failure && <Alert type="error" showIcon title={t('登录失败', 'Sign-in failed')} description={failure} style={{ marginBottom: 16 }} />}
      {config.oidc && signInWithProvider && (
        <Button type="primary" size="large" block onClick={signInWithProvider}>
          {t('通过政务统一身份认证登录', 'Sign in with the government identity provider')}
        </Button>
      )}
      {config.demoPrincipals && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('开发环境：选择一个演示身份登录', 'Development: sign in as one of the demo principals')}
            style={{ margin: '16px 0' }}
          />
          <List
            dataSource={config.demoPrincipals}
            renderItem={(principal) => (
              <List.Item>
                <Button block onClick={() => onToken(principal.token)} style={{ textAlign: 'left', height: 'auto', whiteSpace: 'normal' }}>
                  {principal.label}
                </Button>
              </List.Item>
            )}
          />
        </>
      )}
      {!config.oidc && !config.demoPrincipals && <Typography.Text type="danger">{t('未配置登录方式', 'No way to sign in is configured')}</Typography.Text>}
    </Card>
  );
}
