import { LiveMessage, liveEndAction, type FeedEntry, type LiveClientMessage } from '../api/feed';
import type { Clock, OpenSocket, SocketLike, TimerHandle } from './ports';

/**
 * One WebSocket session on /api/live: authenticates with its first message, parses every server message with
 * zod, and watches the heartbeat — a socket that goes quiet for longer than `heartbeatTimeoutMs` is treated
 * as dead (a sleeping laptop or a dropped Wi-Fi often never delivers a close). `onClosed` fires exactly once.
 */
export interface LiveEvents {
  onHello(personId: string, cursor: number): void;
  /** Entries in the order they came (one frame: one entry, or the run of one commit). */
  onEntries(entries: FeedEntry[]): void;
  /** Any message proves the server is there. */
  onContact(): void;
  /**
   * `end` says when the server ended the socket for a reason the client must act on: `signed_out` (the token
   * was revoked) or `resync` (role or teams changed, or the cursor is ahead of the server's feed); null when it
   * is just gone (reconnect with backoff); `reconnect` when a draining server asked for an immediate reconnect.
   */
  onClosed(reason: string, end: 'signed_out' | 'resync' | 'reconnect' | null): void;
}

export interface LiveOptions {
  url: string;
  token: string;
  after: number;
  heartbeatTimeoutMs: number;
  openSocket: OpenSocket;
  clock: Clock;
  events: LiveEvents;
}

export interface LiveConnection {
  close(reason: string): void;
}

export function openLiveConnection(options: LiveOptions): LiveConnection {
  const { clock, events } = options;
  let closed = false;
  let watchdog: TimerHandle | null = null;
  let socket: SocketLike | null = null;

  const finish = (reason: string, end: 'signed_out' | 'resync' | 'reconnect' | null = null) => {
    if (closed) return;
    closed = true;
    if (watchdog !== null) clock.clearTimeout(watchdog);
    watchdog = null;
    try {
      socket?.close(1000, reason.slice(0, 120));
    } catch {
      // already closed by the other side
    }
    events.onClosed(reason, end);
  };
  const armWatchdog = () => {
    if (watchdog !== null) clock.clearTimeout(watchdog);
    watchdog = clock.setTimeout(() => finish('no heartbeat from the server'), options.heartbeatTimeoutMs);
  };
  const send = (message: LiveClientMessage) => socket?.send(JSON.stringify(message));

  socket = options.openSocket(options.url, {
    onOpen() {
      if (closed) return;
      send({ kind: 'auth', token: options.token, after: options.after, batch: true });
      armWatchdog();
    },
    onMessage(data) {
      if (closed) return;
      const parsed = LiveMessage.safeParse(parseJson(data));
      if (!parsed.success)
        return finish(`unreadable live message: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      armWatchdog();
      events.onContact();
      const message = parsed.data;
      switch (message.kind) {
        case 'hello':
          return events.onHello(message.personId, message.cursor);
        case 'entry':
          return events.onEntries([message.entry]);
        case 'entries':
          return events.onEntries(message.entries);
        case 'heartbeat':
          return;
        case 'error':
          return finish(
            `the server closed the live feed: ${message.message}`,
            liveEndAction(message.error, null),
          );
      }
    },
    onClose(code, reason) {
      finish(`socket closed (${code}${reason ? `: ${reason}` : ''})`, liveEndAction(null, code));
    },
  });
  // An adapter that failed synchronously already reported the close; otherwise a socket that never opens
  // is as dead as one that stops talking.
  if (closed) socket.close();
  else armWatchdog();

  return { close: (reason) => finish(reason) };
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
