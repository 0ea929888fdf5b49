import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signed Zendesk delivery may be; older ones are refused as possible replays. */
export const ZENDESK_MAX_AGE_MS = 60 * 60_000;

/**
 * Zendesk signs each webhook request: base64(HMAC-SHA256(secret, timestamp + rawBody)) in
 * X-Zendesk-Webhook-Signature, the timestamp in X-Zendesk-Webhook-Signature-Timestamp. The body is hashed as
 * the bytes that arrived: decoding it first would turn bytes that are not UTF-8 into U+FFFD and break a
 * correct signature.
 */
export function zendeskSignature(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret)
    .update(timestamp, 'utf8')
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .digest('base64');
}

export function verifyZendeskSignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string | Buffer,
  now: number,
): boolean {
  if (!timestamp || !signature) return false;
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now - at) > ZENDESK_MAX_AGE_MS) return false;
  const expected = Buffer.from(zendeskSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Constant-time comparison of a shared secret (Freshdesk's custom header). The SHA-256 digests are compared,
 * not the strings: both are always 32 bytes, so neither the time taken nor an early length check tells a
 * caller how long the secret is.
 */
export function sameSecret(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
