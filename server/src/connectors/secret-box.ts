import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ConnectionCredentials } from '../../../shared/api/connections';
import { ZendeskCredentials, FreshdeskCredentials } from '../../../shared/api/connections';
import { z } from 'zod';

/**
 * A connection's credential at rest: AES-256-GCM under SIDEKICK_SECRET_KEY, a fresh 12-byte IV each time, and the
 * connection id as additional data so a ciphertext copied onto another row does not open. Stored as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url). Nothing here logs or returns the plaintext except `openSecret`.
 */
const VERSION = 'v1';
const Stored = z.union([ZendeskCredentials, FreshdeskCredentials]);

export function sealSecret(key: Buffer, connectionId: string, credentials: ConnectionCredentials): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(connectionId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The credential, or an Error whose message says why it cannot be read (a changed key, a tampered row). */
export function openSecret(key: Buffer, connectionId: string, sealed: string): ConnectionCredentials {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new Error('the stored credential is not in a format this server reads');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(connectionId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    return Stored.parse(JSON.parse(text));
  } catch {
    throw new Error(
      'the stored credential cannot be decrypted with this SIDEKICK_SECRET_KEY (was the key changed?); enter the credentials again',
    );
  }
}
