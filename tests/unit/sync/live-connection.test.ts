import { describe, expect, it } from 'vitest';
import { openLiveConnection, type SocketHandlers } from '../../../shared/sync';
import { FakeClock } from './fakes';
import { kudosEntry } from './fixtures';

function setup() {
  const clock = new FakeClock();
  const sent: string[] = [];
  const events: string[] = [];
  let handlers: SocketHandlers | null = null;
  let closedByClient = 0;
  const connection = openLiveConnection({
    url: 'wss://sidekick.example.com/api/live',
    token: 'sk_test_token_0123456789',
    after: 7,
    heartbeatTimeoutMs: 1_000,
    clock,
    openSocket: (_url, h) => {
      handlers = h;
      return { send: (d) => void sent.push(d), close: () => void closedByClient++ };
    },
    events: {
      onHello: (personId, cursor) => events.push(`hello:${personId}:${cursor}`),
      onEntries: (entries) => events.push(`entries:${entries.map((e) => e.seq).join(',')}`),
      onContact: () => undefined,
      onClosed: (reason, reconnectNow) => events.push(`closed:${reason}${reconnectNow ? ':now' : ''}`),
    },
  });
  return { clock, sent, events, socket: () => handlers!, connection, closed: () => closedByClient };
}

describe('live connection', () => {
  it('authenticates first, then passes parsed messages on', () => {
    const { sent, events, socket } = setup();
    socket().onOpen();
    expect(JSON.parse(sent[0]!)).toEqual({
      kind: 'auth',
      token: 'sk_test_token_0123456789',
      after: 7,
      batch: true,
    });
    socket().onMessage(JSON.stringify({ kind: 'hello', personId: 'p-ana', cursor: 9 }));
    socket().onMessage(JSON.stringify({ kind: 'entry', entry: kudosEntry(8) }));
    // A client that asked for batches reads one commit's entries as one frame.
    socket().onMessage(JSON.stringify({ kind: 'entries', entries: [kudosEntry(9), kudosEntry(10)] }));
    expect(events).toEqual(['hello:p-ana:9', 'entries:8', 'entries:9,10']);
  });

  it('closes on a message that does not match the protocol, once', () => {
    const { events, socket, closed } = setup();
    socket().onOpen();
    socket().onMessage('{"kind":"entry","entry":{"seq":"eight"}}');
    socket().onClose(1000, '');
    expect(events.filter((e) => e.startsWith('closed:'))).toHaveLength(1);
    expect(events[0]).toMatch(/^closed:unreadable live message/);
    expect(closed()).toBe(1);
  });

  it('treats a quiet socket as dead, and heartbeats keep it alive', async () => {
    const { clock, events, socket } = setup();
    socket().onOpen();
    await clock.advance(900);
    socket().onMessage(JSON.stringify({ kind: 'heartbeat', at: '2026-11-20T09:00:00Z' }));
    await clock.advance(900);
    expect(events).toEqual([]);
    await clock.advance(200);
    expect(events).toEqual(['closed:no heartbeat from the server']);
  });

  it('reports the server refusing the session', () => {
    const { events, socket } = setup();
    socket().onOpen();
    socket().onMessage(JSON.stringify({ kind: 'error', error: 'unauthorized', message: 'Unknown token.' }));
    expect(events).toEqual(['closed:the server closed the live feed: Unknown token.']);
  });

  it('passes on a draining server’s request to reconnect at once (error "reconnect" or close code 1012)', () => {
    const first = setup();
    first.socket().onOpen();
    first
      .socket()
      .onMessage(JSON.stringify({ kind: 'error', error: 'reconnect', message: 'Shutting down.' }));
    expect(first.events).toEqual(['closed:the server closed the live feed: Shutting down.:now']);
    const second = setup();
    second.socket().onOpen();
    second.socket().onClose(1012, 'reconnect');
    expect(second.events).toEqual(['closed:socket closed (1012: reconnect):now']);
    const third = setup();
    third.socket().onOpen();
    third.socket().onClose(1006, '');
    expect(third.events).toEqual(['closed:socket closed (1006)']);
  });
});
