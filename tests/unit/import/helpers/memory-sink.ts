import { Readable } from 'node:stream';
import { type ImportedEvent, type IngestBatch } from '../../../../server/src/import/import-types';
import { type ImportPeople } from '../../../../server/src/import/run-import';
import { type VendorAgent } from '../../../../server/src/connectors/pull-stream';
import { eventKey } from '../../../../shared/domain/events';

/** An in-memory stand-in for the ingest service: idempotent by (source, externalId), like the store. */
export function memoryIngest() {
  const stored = new Map<string, ImportedEvent>();
  const ingest: IngestBatch = async (events) => {
    let accepted = 0;
    let duplicates = 0;
    for (const e of events) {
      if (stored.has(eventKey(e))) duplicates += 1;
      else {
        stored.set(eventKey(e), e);
        accepted += 1;
      }
    }
    return { accepted, duplicates, rejected: [] };
  };
  return { ingest, stored };
}

/** People as the store knows them: handles that exist already, and the agents a users record named. */
export function memoryPeople(existing: string[] = []) {
  const handles = new Set(existing);
  const named: VendorAgent[] = [];
  const people: ImportPeople = {
    existing: async (asked) => new Set(asked.filter((h) => handles.has(h))),
    directory: async (agents) => {
      named.push(...agents);
      for (const a of agents) a.handles.forEach((h) => handles.add(h));
    },
  };
  return { people, named, handles };
}

export const lines = (records: unknown[]) =>
  Readable.from([records.map((r) => JSON.stringify(r)).join('\n') + '\n']);

/** "type at agent" for each stored event, sorted, so a test reads what the import made of its records. */
export const briefStored = (stored: Map<string, ImportedEvent>) =>
  [...stored.values()]
    .map((e) => `${e.type} ${e.ticketId} ${e.at}${'agent' in e && e.agent ? ` ${e.agent}` : ''}`)
    .sort();
