import { createServer } from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';

/**
 * The live-push and connection baselines: the least a WebSocket server can do. POST /broadcast sends the
 * request body, as is, to every connected socket; POST /send/:id to the socket that connected with ?id=…;
 * nothing is parsed, stored or authorised. Run as its own
 * process (like the Sidekick server) so the fleet and the bench driver don't share its event loop.
 * Prints "bare ws listening on URL" when ready.
 */
const byId = new Map<string, WebSocket>();
const http = createServer((req, res) => {
  const one = /^\/send\/([^/?]+)$/.exec(req.url ?? '')?.[1];
  if (req.method !== 'POST' || (req.url !== '/broadcast' && one === undefined)) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const payload = Buffer.concat(chunks).toString('utf8');
    let sent = 0;
    if (one !== undefined) {
      const socket = byId.get(decodeURIComponent(one));
      if (socket?.readyState === WebSocket.OPEN) {
        socket.send(payload);
        sent = 1;
      }
      res.writeHead(sent ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
      return;
    }
    for (const socket of wss.clients) {
      if (socket.readyState === WebSocket.OPEN) {
        socket.send(payload);
        sent += 1;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sent }));
  });
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on('connection', (socket, req) => {
  const id = new URL(req.url ?? '/', 'http://x').searchParams.get('id');
  if (id === null) return;
  byId.set(id, socket);
  socket.on('close', () => byId.delete(id));
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  process.stdout.write(`bare ws listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
