import WebSocket from 'ws';
import { FleetCommand, MARKER_PATTERN, type FleetClient, type FleetEvent, type FleetMode } from './protocol';
import { nowMs } from '../lib/clock';

/**
 * A fleet worker: a child process holding a share of the benchmark's client sockets. It connects them with
 * bounded concurrency (so the server's accept backlog is not the thing we measure), then records, per
 * marker, when each socket received it.
 */
interface Client {
  socket: WebSocket;
  seen: Map<string, number>;
  duplicates: number;
}

const clients: Client[] = [];
const waiters = new Map<string, { need: number; report: () => void }>();
/** How many sockets have seen each marker, so completion is O(1) per message rather than a scan of all sockets. */
const seenCount = new Map<string, number>();

function send(event: FleetEvent): void {
  process.send?.(event);
}

function onMessage(client: Client, raw: string): void {
  // Parse like a real client would, so both the Sidekick server and the bare baseline pay the same client cost.
  // Only the kudos entry counts: its celebration repeats the message, and is not the delivery we time.
  // The Sidekick client asks for batches (as shared/sync does): one commit's entries come as one `entries` frame.
  type Entry = { type?: string; payload?: { message?: string } };
  const msg = JSON.parse(raw) as { kind?: string; entry?: Entry; entries?: Entry[] };
  const entries =
    msg.kind === 'entry' && msg.entry ? [msg.entry] : msg.kind === 'entries' ? (msg.entries ?? []) : [];
  const kudos = entries.find((e) => e.type === 'kudos.upserted');
  if (!kudos) return;
  const marker = MARKER_PATTERN.exec(kudos.payload?.message ?? '')?.[1];
  if (marker === undefined) return;
  if (client.seen.has(marker)) {
    client.duplicates += 1;
    return;
  }
  client.seen.set(marker, nowMs());
  const count = (seenCount.get(marker) ?? 0) + 1;
  seenCount.set(marker, count);
  const waiter = waiters.get(marker);
  if (waiter && count >= waiter.need) waiter.report();
}

function connectOne(
  url: string,
  mode: FleetMode,
  spec: FleetClient,
  localAddress: string | undefined,
): Promise<Client> {
  return new Promise((resolve, reject) => {
    // A bare client says who it is in the URL (the bare server's only notion of identity).
    const socket = new WebSocket(mode === 'bare' ? `${url}/?id=${encodeURIComponent(spec.token)}` : url, {
      perMessageDeflate: false,
      ...(localAddress === undefined ? {} : { localAddress }),
    });
    const client: Client = { socket, seen: new Map(), duplicates: 0 };
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('connect timed out after 30 s'));
    }, 30_000);
    const done = (): void => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      resolve(client);
    };
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.once('open', () => {
      if (mode === 'bare') return done();
      socket.send(JSON.stringify({ kind: 'auth', token: spec.token, after: spec.after, batch: true }));
      // Ready once the server said hello and the catch-up (if any) reached the cursor it announced.
      let target: number | null = null;
      let last = spec.after;
      const onFirst = (data: WebSocket.RawData): void => {
        const msg = JSON.parse(String(data)) as {
          kind?: string;
          cursor?: number;
          entry?: { seq?: number };
          entries?: { seq?: number }[];
          message?: string;
        };
        if (msg.kind === 'error') {
          clearTimeout(timer);
          socket.terminate();
          reject(new Error(`server refused the socket: ${msg.message ?? 'no reason'}`));
          return;
        }
        if (msg.kind === 'hello') target = msg.cursor ?? 0;
        if (msg.kind === 'entry' && typeof msg.entry?.seq === 'number') last = Math.max(last, msg.entry.seq);
        const lastOfBatch = msg.kind === 'entries' ? msg.entries?.at(-1)?.seq : undefined;
        if (typeof lastOfBatch === 'number') last = Math.max(last, lastOfBatch);
        if (target !== null && last >= target) {
          socket.off('message', onFirst);
          socket.on('message', (d) => onMessage(client, String(d)));
          done();
        }
      };
      socket.on('message', onFirst);
    });
    if (mode === 'bare') socket.on('message', (d) => onMessage(client, String(d)));
  });
}

async function connectAll(
  url: string,
  mode: FleetMode,
  specs: FleetClient[],
  concurrency: number,
  localAddress: string | undefined,
): Promise<void> {
  let next = 0;
  let failed = 0;
  const errors: string[] = [];
  const lane = async (): Promise<void> => {
    while (next < specs.length) {
      const spec = specs[next++] as FleetClient;
      try {
        clients.push(await connectOne(url, mode, spec, localAddress));
      } catch (err) {
        failed += 1;
        if (errors.length < 5) errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, lane));
  send({ ev: 'connected', open: clients.length, failed, errors });
}

/** Reports when `need` sockets (all, when null) have seen `marker`, or when the timeout passes. */
function expect(marker: string, timeoutMs: number, need: number | null): void {
  const wanted = Math.min(need ?? clients.length, clients.length);
  const report = (): void => {
    clearTimeout(timer);
    waiters.delete(marker);
    const times = clients.flatMap((c) => (c.seen.has(marker) ? [c.seen.get(marker) as number] : []));
    const duplicates = clients.reduce((s, c) => s + c.duplicates, 0);
    send({ ev: 'delivered', marker, times, missing: wanted - times.length, duplicates });
  };
  const timer = setTimeout(report, timeoutMs);
  waiters.set(marker, { need: wanted, report });
  if ((seenCount.get(marker) ?? 0) >= wanted) report();
}

process.on('message', (raw) => {
  const parsed = FleetCommand.safeParse(raw);
  if (!parsed.success) return send({ ev: 'error', message: `bad fleet command: ${parsed.error.message}` });
  const cmd = parsed.data;
  if (cmd.cmd === 'connect')
    void connectAll(cmd.url, cmd.mode, cmd.clients, cmd.concurrency, cmd.localAddress);
  else if (cmd.cmd === 'expect') expect(cmd.marker, cmd.timeoutMs, cmd.need);
  else {
    for (const c of clients) c.socket.terminate();
    send({ ev: 'closed' });
    setTimeout(() => process.exit(0), 50);
  }
});
process.on('disconnect', () => process.exit(0));
send({ ev: 'ready' });
