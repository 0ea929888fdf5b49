import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SidekickApi } from '../../shared/ipc/contract';
import { validatedApi } from './api/validated-api';
import { App } from './app/App';
import './styles.css';

/**
 * In Electron the preload has already put `window.sidekick` there. In a plain browser tab it is absent, so
 * the browser host is loaded (on demand, so the desktop popover never downloads it) and installed.
 */
async function resolveHost(): Promise<SidekickApi> {
  if (window.sidekick) return window.sidekick;
  const { installWebHost } = await import('./host/web');
  return installWebHost(window);
}

const root = createRoot(document.getElementById('root')!);
resolveHost().then(
  (host) =>
    root.render(
      <StrictMode>
        <App api={validatedApi(host)} />
      </StrictMode>,
    ),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    root.render(
      <main className="app center">
        <h1>Sidekick</h1>
        <p role="alert">Sidekick could not start in this browser: {message}</p>
      </main>,
    );
  },
);
