import { app, session, shell } from 'electron';
import type { Logger } from '../../../shared/sync';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { allowNavigation, allowPermission, windowOpenDecision } from '../security/web-contents-policy';

/**
 * App-wide guards for every web contents that will ever exist (DESIGN.md security list): no navigation away
 * from the app, no new windows (http(s) links go to the system browser after parsing), no <webview>, and
 * every permission request or check denied.
 */
export function hardenApp(devOrigin: string | null, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (allowNavigation(url, devOrigin)) return;
      event.preventDefault();
      log('warn', `blocked navigation to ${url}`);
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
  // app:// responses carry the CSP themselves (app-protocol.ts); this covers anything else loaded over http(s),
  // such as the dev server.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    }),
  );
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowPermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
}
