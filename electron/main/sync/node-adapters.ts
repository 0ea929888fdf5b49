import { WebSocket } from 'ws';
import type { Clock, HttpFetch, Logger, OpenSocket } from '../../../shared/sync';

/**
 * shared/sync's ports for Node (Electron's main process, and the integration tests): fetch, the `ws` package,
 * real timers. No Electron import here, so the tests run these exact adapters against the real server.
 */

/** Requests that hang are failures too: the outbox and catch-up retry them with backoff. */
const REQUEST_TIMEOUT_MS = 15_000;
/** A FeedPage of 500 entries fits easily; anything far bigger is not a Sidekick server. */
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export const nodeHttp: HttpFetch = async (url, init) => {
  const response = await fetch(url, {
    ...init,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    redirect: 'error',
  });
  return { ok: response.ok, status: response.status, text: () => response.text() };
};

export const openWsSocket: OpenSocket = (url, handlers) => {
  const ws = new WebSocket(url, {
    maxPayload: MAX_MESSAGE_BYTES,
    handshakeTimeout: REQUEST_TIMEOUT_MS,
    followRedirects: false,
  });
  let closed = false;
  ws.on('open', () => handlers.onOpen());
  ws.on('message', (data, isBinary) => {
    if (!isBinary) handlers.onMessage(data.toString());
  });
  // `ws` always emits 'close' after 'error'; the error itself carries nothing the client acts on.
  ws.on('error', () => undefined);
  ws.on('close', (code, reason) => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason.toString());
  });
  return {
    send(data) {
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    },
    close(code, reason) {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(code, reason);
    },
  };
};

export const nodeClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const consoleLogger: Logger = (level, message) => {
  if (level === 'debug' && !process.env.SIDEKICK_DEBUG) return;
  const line = `[sidekick] ${level}: ${message}`;
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};
