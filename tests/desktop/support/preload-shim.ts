import type { BrowserContext, Frame } from '@playwright/test';
import { readBuilt, builtPreload } from './bundles';

/** The binding the page's ipcRenderer.invoke goes through, and the function main → renderer events arrive by. */
export const INVOKE_BINDING = '__sidekickIpcInvoke';
export const EMIT_FUNCTION = '__sidekickIpcEmit';

/**
 * The built preload (out/preload/index.cjs) run in the page the way Electron runs a sandboxed preload: as a
 * function body whose `require('electron')` returns contextBridge and ipcRenderer. Here they are a small
 * shim: exposeInMainWorld defines the global, invoke goes through a Playwright binding to the real IPC
 * bridge in Node, and events from the main process are delivered to the listeners the preload registered.
 * Electron runs preloads in the main frame only (nodeIntegrationInSubFrames is off), so does this.
 */
export function preloadInitScript(): string {
  const preload = readBuilt(builtPreload);
  return `(() => {
  if (window.top !== window) return;
  const listeners = new Map();
  const ipcRenderer = {
    invoke: (channel, payload) => window.${INVOKE_BINDING}(channel, payload),
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
    },
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  const contextBridge = {
    exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }),
  };
  Object.defineProperty(window, '${EMIT_FUNCTION}', {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: null }, payload);
    },
  });
  const module = { exports: {} };
  const require = (id) => {
    if (id !== 'electron') throw new Error('a sandboxed preload can only require electron, not ' + id);
    return { contextBridge, ipcRenderer };
  };
  (function (exports, require, module, __filename, __dirname) {
${preload}
  })(module.exports, require, module, 'preload/index.cjs', 'preload');
})();`;
}

/** What Electron's IpcMainInvokeEvent tells the bridge about the sender, from the real calling frame. */
export interface SenderEvent {
  senderFrame: { url: string; parent: unknown };
}

/**
 * Connects the page side to the main process's handlers (recorded by the fake ipcMain). `appUrlOf` maps
 * the stand-in http origin the renderer is served from onto app://sidekick, as Electron would report the
 * frame; any other frame keeps its real URL, and its real parent, for the sender guard to judge.
 */
export async function connectIpc(
  context: BrowserContext,
  handlers: Map<string, (event: SenderEvent, raw: unknown) => Promise<unknown>>,
  appUrlOf: (url: string) => string,
) {
  await context.exposeBinding(
    INVOKE_BINDING,
    async (source: { frame: Frame }, channel: string, payload: unknown) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(
        { senderFrame: { url: appUrlOf(source.frame.url()), parent: source.frame.parentFrame() } },
        payload,
      );
    },
  );
  await context.addInitScript({ content: preloadInitScript() });
}
