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

/** Passes bytes through, adding them to a shared counter (several files, one bar). */
export class ByteCounterTap extends Transform {
  constructor(private readonly counter: ByteCounter) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.counter.bytes += chunk.length;
    callback(null, chunk);
  }
}

export interface ProgressView {
  /** Redraws; `progress` is absent when only the bytes are known (uploading to a server). */
  update(progress?: ImportProgress): void;
  stop(): void;
}

/**
 * A progress bar on a terminal (bytes read of the file, events stored, rejected), and nothing at all when
 * output is a pipe or a file, so logs and CI output stay clean.
 */
export function createProgressView(
  stream: NodeJS.WriteStream,
  totalBytes: number | undefined,
  counter: ByteCounter,
): ProgressView {
  if (!stream.isTTY || !totalBytes) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'importing [{bar}] {percentage}% | {counts} | eta {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = (p?: ImportProgress) =>
    p ? `${p.accepted} stored, ${p.duplicates} duplicates, ${p.rejected} rejected` : 'uploading';
  bar.start(totalBytes, 0, { counts: 'starting' });
  let stopped = false;
  return {
    update: (p) => stopped || bar.update(Math.min(counter.bytes, totalBytes), p ? { counts: counts(p) } : {}),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.update(Math.min(counter.bytes, totalBytes));
      bar.stop();
    },
  };
}
