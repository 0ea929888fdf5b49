import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { type FastifyInstance } from 'fastify';
import { type AppContext } from '../core/context';
import type { RegisterRoute } from '../http/route-registrar';
import { DomainError, invalid } from '../core/errors';
import { mappingSpecFrom } from './import-request';
import { createMapper } from './mappings/mapping-spec';
import { importHistory } from './import-history';
import { ImportInterruptedError } from './run-import';
import { serverHistorySink } from './server-sink';

class TooLarge extends Error {}

/** Passes bytes through and fails the stream once more than `max` have gone by. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) callback(new TooLarge(`the file is larger than ${this.max} bytes`));
    else callback(null, chunk);
  }
}

/**
 * POST /api/admin/import?mapping=servicenow[&format=csv&source=…&timezone=…&timeFormat=…] or ?spec=<mapping file
 * JSON>; the body is the raw file (any content type), streamed straight into the importer, never buffered.
 * Admin only. Replies with the import summary once every accepted event is committed and offers, streaks and
 * growth have been recomputed.
 */
export async function registerAdminImportRoute(
  app: FastifyInstance,
  ctx: AppContext,
  route: RegisterRoute,
): Promise<void> {
  const maxBytes = ctx.config.importMaxBytes;
  await app.register(async (scope) => {
    // In this scope only: leave every body unread, whatever its content type, so the handler can stream it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    route(scope, 'importHistory', async ({ query, request }) => {
      let spec;
      try {
        spec = mappingSpecFrom(query);
        createMapper(spec); // fails fast on an unknown time zone, before a byte is read
      } catch (err) {
        throw invalid((err as Error).message);
      }
      const limit = new ByteLimit(maxBytes);
      const raw: Readable = request.raw;
      raw.on('error', (err) => limit.destroy(err));
      const input = raw.pipe(limit);
      try {
        return await importHistory({ input, spec, sink: serverHistorySink(ctx) });
      } catch (err) {
        if (err instanceof TooLarge)
          throw new DomainError(
            'too_large',
            'payload_too_large',
            `${err.message}; everything before the cut-off was stored, split the file and import the rest.`,
          );
        if (err instanceof ImportInterruptedError)
          throw new DomainError(
            'unavailable',
            'import_interrupted',
            `${err.message}. Send the same file again to resume; stored events come back as duplicates.`,
          );
        throw err;
      }
    });
  });
}
