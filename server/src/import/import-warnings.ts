import type { ImportWarning } from '../../../shared/api/import';

/** How many lines a warning names; the count is always exact. */
const LISTED_LINES = 10;
/** How many distinct unknown handles are remembered (agents, not rows: a team has far fewer). */
const MAX_TRACKED_HANDLES = 10_000;

interface Tally {
  count: number;
  lines: number[];
  examples: string[];
}

/**
 * Collects what an import did that may not be what was meant, so the summary can say it loudly (and `--strict`
 * can exit non-zero). Memory is bounded: a few lines per kind, a fixed-size filter for ids, the distinct
 * unknown handles. The loop tells it which line is being mapped (`at`), so mappers only say what happened.
 */
export class ImportWarnings {
  private line = 0;
  private readonly naive: Tally = { count: 0, lines: [], examples: [] };
  private readonly repeats: Tally = { count: 0, lines: [], examples: [] };
  private repeatColumn = '';
  private readonly unknown = new Map<string, { line: number; rows: number }>();
  private unknownRows = 0;

  at(line: number): void {
    this.line = line;
  }

  /** A time without an offset was read as UTC because no time zone was given. */
  naiveTime(raw: string): void {
    note(this.naive, this.line, raw);
  }

  /** An id read from `column` was already used earlier in this file. */
  repeatedId(column: string, id: string): void {
    this.repeatColumn = column;
    note(this.repeats, this.line, id);
  }

  /** A row names a handle no person had before this import (it becomes an unclaimed person). */
  unknownPerson(handle: string, line: number): void {
    this.unknownRows += 1;
    const seen = this.unknown.get(handle);
    if (seen) seen.rows += 1;
    else if (this.unknown.size < MAX_TRACKED_HANDLES) this.unknown.set(handle, { line, rows: 1 });
  }

  /** People the import's own users records created (with their names): not "no one created". */
  forgetPeople(handles: Iterable<string>): void {
    for (const handle of handles) {
      const seen = this.unknown.get(handle);
      if (!seen) continue;
      this.unknownRows -= seen.rows;
      this.unknown.delete(handle);
    }
  }

  list(): ImportWarning[] {
    const out: ImportWarning[] = [];
    if (this.naive.count > 0)
      out.push({
        kind: 'naive_times_as_utc',
        count: this.naive.count,
        lines: this.naive.lines,
        message: `${this.naive.count} time${plural(this.naive.count)} had no UTC offset (e.g. "${this.naive.examples[0] ?? ''}") and no time zone was given, so they were read as UTC. If they are local times, pass --timezone (e.g. --timezone Europe/Warsaw) and import into a fresh store, or every time is off by the zone's offset.`,
      });
    if (this.repeats.count > 0)
      out.push({
        kind: 'id_not_unique',
        count: this.repeats.count,
        lines: this.repeats.lines,
        message: `The id column "${this.repeatColumn}" is not unique within the file: ${this.repeats.count} row${plural(this.repeats.count)} reuse an id of an earlier row (e.g. "${this.repeats.examples[0] ?? ''}"), and those rows were not stored — they are counted as duplicates. Map a column that is unique to externalId, or leave externalId unmapped so each row's content is its id.`,
      });
    if (this.unknown.size > 0) {
      const entries = [...this.unknown.entries()].sort((a, b) => a[1].line - b[1].line);
      const names = entries.slice(0, 5).map(([handle]) => handle);
      out.push({
        kind: 'unknown_people',
        count: this.unknownRows,
        lines: [...new Set(entries.map(([, v]) => v.line))].slice(0, LISTED_LINES),
        message: `${this.unknownRows} event${plural(this.unknownRows)} named ${entries.length} ${entries.length === 1 ? 'person' : 'people'} no one created (${names.join(', ')}${entries.length > names.length ? ', …' : ''}); they were created as unclaimed people. Claim or merge them (GET /api/admin/people?claimed=false), or create the people with these handles before importing.`,
      });
    }
    return out;
  }
}

function note(tally: Tally, line: number, example: string): void {
  tally.count += 1;
  if (tally.lines.length < LISTED_LINES && tally.lines.at(-1) !== line) tally.lines.push(line);
  if (tally.examples.length < 1) tally.examples.push(example.slice(0, 80));
}

const plural = (n: number) => (n === 1 ? '' : 's');

/**
 * Remembers which ids a file used, in a fixed 8 MiB whatever the file's size (a Bloom filter: 2^26 bits, 7
 * hashes). It never misses a repeat; it may take a new id for a repeat about once in a million ids at a million
 * rows, once in a few hundred at ten million — good enough for a warning, never used to drop anything.
 */
export class SeenIds {
  private static readonly BITS = 2 ** 26;
  private static readonly HASHES = 7;
  private readonly bits = new Uint8Array(SeenIds.BITS / 8);

  /** Records `id`; true when it (probably) was recorded before. */
  add(id: string): boolean {
    const [h1, h2] = idHashes(id);
    let seen = true;
    for (let i = 0; i < SeenIds.HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const index = bit & (SeenIds.BITS - 1);
      const mask = 1 << (index & 7);
      const byte = index >>> 3;
      if ((this.bits[byte]! & mask) === 0) {
        seen = false;
        this.bits[byte]! |= mask;
      }
    }
    return seen;
  }
}

/**
 * Two independent 32-bit hashes of an id (FNV-1a and a Murmur-style multiply-xor, each finished with Murmur3's
 * fmix32 so ids differing in one character land far apart), the second odd so double hashing visits distinct
 * bits. In JavaScript rather than a crypto digest: a bulk import adds a million ids, and a SHA-1 object per id
 * cost more than mapping the row.
 */
function idHashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return [fmix32(a), fmix32(b ^ id.length) | 1];
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
