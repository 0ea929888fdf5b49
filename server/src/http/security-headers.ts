import type { FastifyInstance } from 'fastify';

/**
 * Strict headers on every response. The CSP allows scripts, styles and connections only from this origin
 * (plus its own ws:/wss: for the live socket), no inline script, no framing.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const host = (request.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
    const sockets = host ? ` ws://${host} wss://${host}` : '';
    reply.header(
      'content-security-policy',
      `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'${sockets}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'`,
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    return payload;
  });
}
