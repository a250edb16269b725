// TDesign's imperative APIs (MessagePlugin, DialogPlugin) need this adapter on React 19, before any use.
import 'tdesign-react/es/_util/react-19-adapter';
import 'tdesign-react/es/style/index.css';
import './app/console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api/client';
import { App } from './app/app';
import { configureAuth } from './app/auth';
import { loadConfig } from './app/config';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((cfg) => {
    configureAuth(cfg);
    initApi(cfg.apiUrl);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  })
  .catch((err: Error) => {
    // before the catalogues: both languages, the cause as the browser gave it
    root.render(
      <p role="alert" lang={navigator.language.startsWith('en') ? 'en' : 'zh-CN'}>
        {navigator.language.startsWith('en') ? 'The console could not load its configuration; reload the page.' : '控制台无法加载配置，请刷新页面重试。'} ({err.message})
      </p>,
    );
  });
