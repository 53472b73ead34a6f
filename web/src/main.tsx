import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadConfig } from './config';
import { I18nProvider } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
loadConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <I18nProvider>
          <App config={config} />
        </I18nProvider>
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => root.render(<p role="alert">系统配置读取失败 / The app could not load its settings: {String(error)}</p>));
