import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServiceNowMapper } from '../../../server/src/import/mappings/servicenow-mapping';
import { readRecords } from '../../../server/src/import/record-readers';
import { type MappedEvent } from '../../../server/src/import/import-types';
import { type ImportRejection } from '../../../shared/api/import';

// Real rows from the UCI incident log (tests/fixtures/incident_event_log.csv), trimmed to the columns the mapping reads.
const HEADER =
  'number,incident_state,reopen_count,opened_at,sys_updated_at,assigned_to,resolved_by,resolved_at';

async function mapCsv(rows: string[]): Promise<{ events: MappedEvent[]; rejections: ImportRejection[] }> {
  const mapper = createServiceNowMapper();
  const events: MappedEvent[] = [];
  const rejections: ImportRejection[] = [];
  for await (const item of readRecords(
    Readable.from([Buffer.from([HEADER, ...rows].join('\n') + '\n')]),
    'csv',
  )) {
    if (item.kind === 'rejection') rejections.push(item.rejection);
    else {
      const out = mapper.map(item.record);
      events.push(...out.events);
      rejections.push(...out.rejections);
    }
  }
  const end = mapper.finish();
  return { events: [...events, ...end.events], rejections: [...rejections, ...end.rejections] };
}

const brief = (m: MappedEvent) =>
  `${m.line} ${m.event.type} ${m.event.at}${'agent' in m.event && m.event.agent ? ` ${m.event.agent}` : ''}`;

describe('ServiceNow incident audit log mapping', () => {
  it('derives created, assigned and one solve at resolved_at for a simple incident (INC0000045)', async () => {
    const { events, rejections } = await mapCsv([
      'INC0000045,New,0,29-02-2016 01:16,29-02-2016 01:23,?,Resolved by 149,29-02-2016 11:29',
      'INC0000045,Resolved,0,29-02-2016 01:16,29-02-2016 08:53,?,Resolved by 149,29-02-2016 11:29',
      'INC0000045,Resolved,0,29-02-2016 01:16,29-02-2016 11:29,?,Resolved by 149,29-02-2016 11:29',
      'INC0000045,Closed,0,29-02-2016 01:16,05-03-2016 12:00,?,Resolved by 149,29-02-2016 11:29',
    ]);
    expect(rejections).toEqual([]);
    expect(events.map(brief)).toEqual([
      '2 ticket_created 2016-02-29T01:16:00Z',
      '3 ticket_solved 2016-02-29T11:29:00Z servicenow:Resolved by 149',
    ]);
    expect(events[1]?.event.externalId).toBe('INC0000045/2016-02-29T08:53:00Z/solved');
  });

  it('a reopened incident: the earlier solve is dated at its row, the reopen counts against the solver, the final solve at resolved_at (INC0000715)', async () => {
    const { events, rejections } = await mapCsv([
      'INC0000715,New,0,01-03-2016 13:03,01-03-2016 13:03,?,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Active,0,01-03-2016 13:03,01-03-2016 14:10,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Resolved,0,01-03-2016 13:03,03-03-2016 08:36,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Active,1,01-03-2016 13:03,04-03-2016 12:42,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Active,1,01-03-2016 13:03,10-03-2016 12:16,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Resolved,1,01-03-2016 13:03,10-03-2016 12:16,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Active,2,01-03-2016 13:03,10-03-2016 12:47,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Resolved,2,01-03-2016 13:03,10-03-2016 15:36,Resolver 198,Resolved by 180,10-03-2016 15:36',
      'INC0000715,Closed,2,01-03-2016 13:03,24-03-2016 18:50,Resolver 198,Resolved by 180,10-03-2016 15:36',
    ]);
    expect(rejections).toEqual([]);
    expect(events.map(brief)).toEqual([
      '2 ticket_created 2016-03-01T13:03:00Z',
      '3 ticket_assigned 2016-03-01T14:10:00Z servicenow:Resolver 198',
      '4 ticket_solved 2016-03-03T08:36:00Z servicenow:Resolved by 180',
      '5 ticket_reopened 2016-03-04T12:42:00Z servicenow:Resolved by 180',
      '7 ticket_solved 2016-03-10T12:16:00Z servicenow:Resolved by 180',
      '8 ticket_reopened 2016-03-10T12:47:00Z servicenow:Resolved by 180',
      '9 ticket_solved 2016-03-10T15:36:00Z servicenow:Resolved by 180',
    ]);
    expect(new Set(events.map((e) => e.event.externalId)).size).toBe(events.length);
  });

  it('counts a Closed without a prior resolution as a solve, and an assignment change after a ? keeps the last known assignee', async () => {
    const { events } = await mapCsv([
      'INC9,Active,0,01-03-2016 09:00,01-03-2016 09:05,Resolver 1,Resolved by 7,?',
      'INC9,Active,0,01-03-2016 09:00,01-03-2016 09:10,?,Resolved by 7,?',
      'INC9,Active,0,01-03-2016 09:00,01-03-2016 09:20,Resolver 1,Resolved by 7,?',
      'INC9,Active,0,01-03-2016 09:00,01-03-2016 09:30,Resolver 2,Resolved by 7,?',
      'INC9,Closed,0,01-03-2016 09:00,01-03-2016 10:00,Resolver 2,Resolved by 7,?',
    ]);
    expect(events.map(brief)).toEqual([
      '2 ticket_created 2016-03-01T09:00:00Z',
      '2 ticket_assigned 2016-03-01T09:05:00Z servicenow:Resolver 1',
      '5 ticket_assigned 2016-03-01T09:30:00Z servicenow:Resolver 2',
      '6 ticket_solved 2016-03-01T10:00:00Z servicenow:Resolved by 7',
    ]);
  });

  it('reports unusable rows by line: a resolution with resolved_by ?, a bad date, an unknown state, an incident split across the file', async () => {
    const { events, rejections } = await mapCsv([
      'INC1,New,0,01-03-2016 09:00,01-03-2016 09:00,?,?,?',
      'INC1,Resolved,0,01-03-2016 09:00,01-03-2016 11:00,?,?,?',
      'INC2,New,0,2016-03-01,01-03-2016 09:00,?,?,?',
      'INC3,-100,0,01-03-2016 09:00,01-03-2016 09:00,?,?,?',
      'INC1,Closed,0,01-03-2016 09:00,02-03-2016 11:00,?,?,?',
    ]);
    expect(rejections.map((r) => r.line)).toEqual([3, 4, 5, 6]);
    expect(rejections[0]?.reason).toMatch(/INC1 became Resolved but resolved_by is unknown/);
    expect(rejections[1]?.reason).toMatch(
      /opened_at "2016-03-01" is not a valid time \(expected dd-MM-yyyy HH:mm\)/,
    );
    expect(rejections[2]?.reason).toMatch(/incident_state "-100"/);
    expect(rejections[3]?.reason).toMatch(
      /rows of INC1 are not contiguous \(its rows already ended at line 3\)/,
    );
    expect(events.map(brief)).toEqual(['2 ticket_created 2016-03-01T09:00:00Z']);
  });

  it('derives the same external ids from the same rows every time (re-import is a no-op)', async () => {
    const rows = [
      'INC5,New,0,01-03-2016 09:00,01-03-2016 09:00,Resolver 3,Resolved by 3,01-03-2016 10:00',
      'INC5,Resolved,0,01-03-2016 09:00,01-03-2016 10:00,Resolver 3,Resolved by 3,01-03-2016 10:00',
    ];
    const first = await mapCsv(rows);
    const second = await mapCsv(rows);
    expect(second.events.map((e) => e.event.externalId)).toEqual(first.events.map((e) => e.event.externalId));
  });

  it('reads timestamps in the given time zone', async () => {
    const mapper = createServiceNowMapper({ timezone: 'Europe/Lisbon' });
    const out = mapper.map({
      line: 2,
      fields: {
        number: 'INC7',
        incident_state: 'New',
        reopen_count: '0',
        opened_at: '01-07-2016 09:00',
        sys_updated_at: '01-07-2016 09:00',
      },
    });
    expect(out.events[0]?.event.at).toBe('2016-07-01T08:00:00Z');
  });
});
