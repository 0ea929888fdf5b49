import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOverHttp } from '../../../server/src/import/http-import-client';
import { type ImportSummary } from '../../../shared/api/import';
import { type RunningServer } from '../../../server/src/app/start';
import { ADMIN_TOKEN, STORES, getJson, startImportServer, type FreshStore } from './helpers/import-server';
import { expectedMetrics, readLogTruth } from './helpers/servicenow-truth';

const FIXTURE = path.resolve(__dirname, '../../fixtures/incident_event_log.csv');
const truth = readLogTruth(FIXTURE);

// The whole log (its last update is in February 2017), then slices cut mid-log so window edges are exercised
// (tickets opened in one window and solved in the next, solves before a cut and reopens after it).
const WINDOWS: Array<[string, string]> = [
  ['2016-02-01T00:00:00Z', '2017-03-01T00:00:00Z'],
  ['2016-02-01T00:00:00Z', '2016-03-04T00:00:00Z'],
  ['2016-03-04T00:00:00Z', '2016-04-01T00:00:00Z'],
  ['2016-04-01T00:00:00Z', '2017-03-01T00:00:00Z'],
];

interface PersonRecord {
  id: string;
  handles: string[];
  claimed: boolean;
}

describe.each(STORES.map((make) => [make().name, make] as const))(
  'ServiceNow audit log → real server → metrics (%s)',
  (_name, make) => {
    let store: FreshStore;
    let server: RunningServer;
    let summary: ImportSummary;

    beforeAll(async () => {
      store = make();
      server = await startImportServer(store);
      summary = await importOverHttp({
        server: server.url,
        token: ADMIN_TOKEN,
        query: { mapping: 'servicenow' },
        input: fs.createReadStream(FIXTURE),
      });
    }, 180_000);

    afterAll(async () => {
      await server?.close();
      await store?.cleanup();
    });

    it('stores every event the log implies and reports every row it could not use', () => {
      const expectedEvents = truth.incidents + truth.assignments + truth.solves.length + truth.reopens.length;
      expect(summary.records).toBe(truth.rows);
      expect(summary.events).toBe(expectedEvents);
      expect(summary.accepted).toBe(expectedEvents);
      expect(summary.duplicates).toBe(0);
      expect(summary.rejected.map((r) => r.line)).toEqual(truth.unusableLines);
      expect(summary.rejectedCount).toBe(truth.unusableLines.length);
      // The log is real and busy: make sure the comparison below is about something.
      expect(truth.solves.length).toBeGreaterThan(800);
      expect(truth.reopens.length).toBeGreaterThan(5);
    });

    it('matches an independent computation from the CSV for every agent: solved, mean resolution time, reopens', async () => {
      const { people } = await getJson<{ people: PersonRecord[] }>(
        `${server.url}/api/admin/people?claimed=false`,
      );
      const byHandle = new Map(people.flatMap((p) => p.handles.map((h) => [h, p.id] as const)));
      expect(new Set(byHandle.keys())).toEqual(truth.agents);
      const mismatches: string[] = [];
      let compared = 0;
      for (const agent of [...truth.agents].sort()) {
        const id = byHandle.get(agent)!;
        for (const [from, to] of WINDOWS) {
          const got = await getJson<Record<string, unknown>>(
            `${server.url}/api/people/${id}/metrics?from=${from}&to=${to}`,
          );
          const want = expectedMetrics(truth, agent, Date.parse(from), Date.parse(to));
          for (const key of ['solved', 'resolutionAvgMinutes', 'reopened', 'reopenRate'] as const) {
            compared += 1;
            if (JSON.stringify(got[key]) !== JSON.stringify(want[key]))
              mismatches.push(
                `${agent} [${from}, ${to}) ${key}: server ${JSON.stringify(got[key])}, CSV ${JSON.stringify(want[key])}`,
              );
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(compared).toBe(truth.agents.size * WINDOWS.length * 4);
    }, 180_000);

    it('the handle lookup finds the same person the metrics belong to', async () => {
      const busiest = [
        ...truth.solves.reduce(
          (m, s) => m.set(s.agent, (m.get(s.agent) ?? 0) + 1),
          new Map<string, number>(),
        ),
      ].sort((a, b) => b[1] - a[1])[0]!;
      const { people } = await getJson<{ people: PersonRecord[] }>(
        `${server.url}/api/admin/people?handle=${encodeURIComponent(busiest[0])}`,
      );
      expect(people).toHaveLength(1);
      const metrics = await getJson<{ solved: { value: number } }>(
        `${server.url}/api/people/${people[0]!.id}/metrics?from=${WINDOWS[0]![0]}&to=${WINDOWS[0]![1]}`,
      );
      expect(metrics.solved.value).toBe(
        new Set(truth.solves.filter((s) => s.agent === busiest[0]).map((s) => s.ticket)).size,
      );
    });

    it('importing the same file again changes nothing', async () => {
      const before = await getJson<unknown>(`${server.url}/api/admin/people?claimed=false`);
      const res = await fetch(`${server.url}/api/admin/import?mapping=servicenow`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
        body: fs.readFileSync(FIXTURE),
      });
      expect(res.status).toBe(200);
      const again = (await res.json()) as ImportSummary & { recomputed: boolean };
      expect(again).toMatchObject({
        accepted: 0,
        duplicates: summary.accepted,
        rejectedCount: summary.rejectedCount,
        recomputed: false,
      });
      expect(await getJson<unknown>(`${server.url}/api/admin/people?claimed=false`)).toEqual(before);
    }, 120_000);
  },
);
