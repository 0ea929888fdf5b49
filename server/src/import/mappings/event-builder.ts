import { createHash } from 'node:crypto';
import { ImportedEvent, type MapOutput } from '../import-types';
import { FieldError } from './field-readers';

/**
 * Collects the events of one record, validating each with the HelpdeskEvent schema so a bad value becomes a
 * line-numbered rejection instead of reaching the store.
 */
export class RecordOutput implements MapOutput {
  events: MapOutput['events'] = [];
  rejections: MapOutput['rejections'] = [];
  constructor(private readonly line: number) {}

  add(candidate: Record<string, unknown>): void {
    const parsed = ImportedEvent.safeParse(candidate);
    if (parsed.success) this.events.push({ line: this.line, event: parsed.data });
    else
      this.reject(
        `${String(candidate.type ?? 'event')} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`,
      );
  }

  reject(reason: string): void {
    this.rejections.push({ line: this.line, reason });
  }

  /** Runs `derive`, turning a FieldError into a rejection of the whole record (nothing half-imported). */
  static of(line: number, derive: (out: RecordOutput) => void): MapOutput {
    const out = new RecordOutput(line);
    try {
      derive(out);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      return { events: [], rejections: [{ line, reason: err.message }] };
    }
    return out;
  }
}

/** A vendor agent reference as a Sidekick handle: values that already name a scheme ("email:…") are kept. */
export function agentHandle(prefix: string, value: string): string {
  return /^[a-z][a-z0-9_-]*:/i.test(value) ? value : `${prefix}:${value}`;
}

/** A stable id for a record that carries none, so importing the same file twice finds the same keys. */
export function contentId(fields: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(fields)
      .sort()
      .map((k) => [k, fields[k]]),
  );
  return `row-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}
