import { Transform, type TransformCallback } from 'node:stream';
import cliProgress from 'cli-progress';
import { type ImportProgress } from './run-import';

/** Counts the bytes flowing through, so progress can be shown as a share of the file whatever its format. */
export class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }
}

export interface ProgressView {
  update(progress: ImportProgress): void;
  stop(): void;
}

/**
 * A progress bar on a terminal (bytes read of the file, events stored, rejected), and nothing at all when
 * output is a pipe or a file, so logs and CI output stay clean.
 */
export function createProgressView(stream: NodeJS.WriteStream, totalBytes: number | undefined, counter: ByteCounter): ProgressView {
  if (!stream.isTTY || !totalBytes) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'importing [{bar}] {percentage}% | {accepted} stored, {duplicates} duplicates, {rejected} rejected | eta {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { accepted: 0, duplicates: 0, rejected: 0 });
  return {
    update: (p) => bar.update(Math.min(counter.bytes, totalBytes), { accepted: p.accepted, duplicates: p.duplicates, rejected: p.rejected }),
    stop: () => {
      bar.update(Math.min(counter.bytes, totalBytes));
      bar.stop();
    },
  };
}
