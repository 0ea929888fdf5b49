import { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * Lets go of what an upgraded request no longer needs, so an idle live socket holds only its WebSocket and its
 * session. @fastify/websocket routes the upgrade through Fastify with a ServerResponse assigned to the socket,
 * and its socket 'error' listener closes over the request and reply: for as long as the socket is open, each kept
 * the whole upgrade request (IncomingMessage, headers and raw headers, Fastify's request and reply, their
 * closures), about 2 KiB a socket, never read again. Call it after reading what the session needs of `request`
 * (its IP, headers, query) and before adding the session's own 'error' listener, which replaces the plugin's
 * (the plugin's default logged and terminated the socket; the session's closes itself and terminates it).
 */
export function releaseUpgradeRequest(socket: WebSocket, request: FastifyRequest): void {
  socket.removeAllListeners('error');
  const net = request.raw.socket as Socket & { _httpMessage?: unknown };
  // The response the plugin assigned to the socket: never written (the reply is hijacked), never finished.
  const response = net._httpMessage;
  if (response instanceof ServerResponse) response.detachSocket(net);
}
