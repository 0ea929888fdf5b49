import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../server/src/import/run-import';
import { createMapper, parseMappingFile } from '../../../server/src/import/mappings/mapping-spec';
import { ImportWarnings } from '../../../server/src/import/import-warnings';
import { briefStored, memoryIngest, memoryPeople } from './helpers/memory-sink';

/** A phone system's call log as such tools export it: a date and a time column, answered and missed calls. */
const CALLS = [
  'Call ID,Date,Time,Agent,Status,Talk,Hold,Wrap',
  'c1,09/03/2026,9:05,ana,Answered,300,20,45',
  'c2,09/03/2026,9:07,ana,Missed,0,0,0',
  'c3,09/03/2026,14:30,ben,answered ,120,0,30',
  'c1,10/03/2026,8:00,ben,Answered,60,0,10',
].join('\n');

async function importCsv(csv: string, spec: Record<string, unknown>, existing: string[] = []) {
  const { ingest, stored } = memoryIngest();
  const { people } = memoryPeople(existing);
  const warnings = new ImportWarnings();
  const parsed = parseMappingFile(JSON.stringify({ mapping: 'generic', format: 'csv', ...spec }));
  const summary = await runImport({
    input: Readable.from([csv]),
    format: 'csv',
    mapper: createMapper(parsed, warnings),
    warnings,
    ingest,
    people,
  });
  return { summary, stored };
}

const callSpec = {
  source: 'phone',
  timezone: 'Europe/Lisbon',
  timeFormat: 'dd/MM/yyyy HH:mm',
  columns: {
    at: ['Date', 'Time'],
    agent: 'Agent',
    talkSeconds: 'Talk',
    holdSeconds: 'Hold',
    wrapSeconds: 'Wrap',
  },
  constants: { type: 'call_handled' },
  where: { Status: 'Answered' },
};

describe('generic mapping: files as real tools write them', () => {
  it('reads a date and a time from two columns, an hour without its leading zero, only the answered calls, calls without a ticket id', async () => {
    const { summary, stored } = await importCsv(CALLS, callSpec, ['phone:ana', 'phone:ben']);
    expect(summary).toMatchObject({ records: 4, filtered: 1, rejectedCount: 0, recordsWithoutEvents: 0 });
    expect(
      briefStored(stored)
        .map((e) => e.replace(/call:row-\w+/, 'call:<row>'))
        .sort(),
    ).toEqual([
      'call_handled call:<row> 2026-03-09T09:05:00Z phone:ana',
      'call_handled call:<row> 2026-03-09T14:30:00Z phone:ben',
      'call_handled call:<row> 2026-03-10T08:00:00Z phone:ben',
    ]);
    // Each call is its own ticket, so two calls never collapse into one.
    const tickets = new Set([...stored.values()].map((e) => e.ticketId));
    expect(tickets.size).toBe(3);
    expect(summary.warnings).toEqual([]);
  });

  it('reads an ISO time whose hour has no leading zero', async () => {
    const csv = 'type,ticketId,at,agent\nticket_solved,T1,2026-03-09 9:05:00Z,zendesk:1\n';
    const { summary, stored } = await importCsv(csv, {}, ['zendesk:1']);
    expect(summary.rejected).toEqual([]);
    expect(briefStored(stored)).toEqual(['ticket_solved T1 2026-03-09T09:05:00Z zendesk:1']);
  });

  it('names a missing half of a split time', async () => {
    const { summary } = await importCsv(
      'Call ID,Date,Time,Agent,Status\nc9,09/03/2026,,ana,Answered\n',
      callSpec,
    );
    expect(summary.rejected).toEqual([{ line: 2, reason: 'Time (part of the time) is missing' }]);
  });

  it('warns when an id column is not unique within the file: the repeats are not stored, and it says so', async () => {
    const spec = { ...callSpec, columns: { ...callSpec.columns, externalId: 'Call ID' } };
    const { summary, stored } = await importCsv(CALLS, spec, ['phone:ana', 'phone:ben']);
    expect(stored.size).toBe(2);
    expect(summary.duplicates).toBe(1);
    expect(summary.warnings).toEqual([
      {
        kind: 'id_not_unique',
        count: 1,
        lines: [5],
        message: expect.stringMatching(
          /^The id column "Call ID" is not unique within the file: 1 row reuse an id of an earlier row \(e\.g\. "c1"\), and those rows were not stored/,
        ),
      },
    ]);
  });

  it('warns when times without an offset were read as UTC because no time zone was given', async () => {
    const { timezone: _zone, ...noZone } = callSpec;
    const { summary } = await importCsv(CALLS, noZone, ['phone:ana', 'phone:ben']);
    expect(summary.warnings).toEqual([
      {
        kind: 'naive_times_as_utc',
        count: 3,
        lines: [2, 4, 5],
        message: expect.stringMatching(
          /^3 times had no UTC offset \(e\.g\. "09\/03\/2026 9:05"\) and no time zone was given, so they were read as UTC\. If they are local times, pass --timezone/,
        ),
      },
    ]);
    // ISO times with an offset are not naive.
    const iso = await importCsv(
      'type,ticketId,at,agent\nticket_solved,T1,2026-03-09T09:05:00+01:00,zendesk:1\n',
      {},
      ['zendesk:1'],
    );
    expect(iso.summary.warnings).toEqual([]);
  });

  it('warns when rows name people no one created, counting the rows and naming the people', async () => {
    const { summary, stored } = await importCsv(CALLS, callSpec, ['phone:ana']);
    expect(stored.size).toBe(3);
    expect(summary.warnings).toEqual([
      {
        kind: 'unknown_people',
        count: 2,
        lines: [4],
        message: expect.stringMatching(
          /^2 events named 1 person no one created \(phone:ben\); they were created as unclaimed people/,
        ),
      },
    ]);
  });

  it('refuses a list of columns for anything but at', () => {
    expect(() =>
      parseMappingFile(JSON.stringify({ mapping: 'generic', columns: { agent: ['First', 'Last'] } })),
    ).toThrow(/only `at` may name several columns/);
  });
});
