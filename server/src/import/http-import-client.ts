import { Readable } from 'node:stream';
import { z } from 'zod';
import { ImportReply, type ImportQuery, type ImportSummary } from '../../../shared/api/import';

export interface HttpImportOptions {
  server: string;
  token: string;
  query: ImportQuery;
  input: Readable;
  /** Called a few times a second while the file uploads (drives the progress bar). */
  onTick?: () => void;
}

const ErrorReply = z.object({ error: z.string(), message: z.string() });

/**
 * Streams the file to a running server's POST /api/admin/import: the server does the mapping and storing, so
 * its live sockets see the result. Refuses plain http except to this machine, because the admin token travels
 * in the request.
 */
export async function importOverHttp(options: HttpImportOptions): Promise<ImportSummary> {
  const base = new URL(options.server);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback))
    throw new Error(`--server must be https:// (plain http only to localhost), got ${options.server}`);
  const url = new URL('/api/admin/import', base);
  for (const [key, value] of Object.entries(options.query))
    if (typeof value === 'string') url.searchParams.set(key, value);
  const ticker = options.onTick ? setInterval(options.onTick, 250) : null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(options.input) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = ErrorReply.safeParse(body);
      throw new Error(
        `the server refused the import (${response.status}): ${error.success ? error.data.message : 'no details'}`,
      );
    }
    return ImportReply.parse(body);
  } finally {
    if (ticker) clearInterval(ticker);
  }
}
