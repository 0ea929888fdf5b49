/**
 * Generates a large, real-shaped history file for `sidekick-server import` (generic mapping): ticket stories
 * (created → assigned → first public reply → solved → sometimes a CSAT rating, a reopen and a second solve)
 * for a team of agents over a year, deterministic from a seed, streamed to disk with backpressure so the
 * generator itself stays small. Not committed: it writes under bench/.tmp/.
 *
 *   npx tsx bench/gen-import-file.ts [--events 1000000] [--format jsonl|csv] [--agents 200] [--out bench/.tmp/import-1m.jsonl]
 */
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { seededRandom } from '../server/src/core/seeded-random';
import { GENERIC_FIELDS, type GenericField } from '../server/src/import/mappings/generic-mapping';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    format: { type: 'string', default: 'jsonl' },
    agents: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
  },
});
const total = Number(values.events);
const agents = Number(values.agents);
const format = values.format === 'csv' ? 'csv' : 'jsonl';
const out = values.out ?? `bench/.tmp/import-${total >= 1e6 ? `${total / 1e6}m` : total}.${format}`;

const random = seededRandom(Number(values.seed));
// The columns the importer's generic mapping reads, in its own order (one list, not a copy of it).
type Row = Partial<Record<GenericField, string | number | boolean>>;

const csvCell = (v: unknown) =>
  v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
const encode = (row: Row) =>
  (format === 'csv' ? GENERIC_FIELDS.map((c) => csvCell(row[c])).join(',') : JSON.stringify(row)) + '\n';

const start = Date.UTC(2025, 0, 6, 8, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const COMMENTS = [
  'Thanks, sorted quickly',
  'Very patient with me',
  'Still waiting on the refund',
  'Great help, explained everything',
];

function story(n: number): Row[] {
  const ticketId = `T${n}`;
  const agent = `legacy:agent-${Math.floor(random() * agents)}`;
  // Tickets spread over a year, busier on weekdays by construction of the offsets.
  const created = start + Math.floor(random() * 360) * 86_400_000 + Math.floor(random() * 9 * 60) * 60_000;
  const reply = created + (5 + Math.floor(random() * 240)) * 60_000;
  const solved = reply + (10 + Math.floor(random() * 2000)) * 60_000;
  const rows: Row[] = [
    { type: 'ticket_created', externalId: `${ticketId}/c`, ticketId, at: iso(created) },
    { type: 'ticket_assigned', externalId: `${ticketId}/a`, ticketId, at: iso(created + 60_000), agent },
    { type: 'agent_replied', externalId: `${ticketId}/r`, ticketId, at: iso(reply), agent, public: true },
    { type: 'ticket_solved', externalId: `${ticketId}/s`, ticketId, at: iso(solved), agent },
  ];
  if (random() < 0.4) {
    const satisfied = random() < 0.85;
    rows.push({
      type: 'csat_rated',
      externalId: `${ticketId}/q`,
      ticketId,
      at: iso(solved + 3_600_000),
      agent,
      satisfied,
      score: satisfied ? 'good' : 'bad',
      comment: COMMENTS[Math.floor(random() * COMMENTS.length)]!,
    });
  }
  if (random() < 0.05) {
    rows.push({
      type: 'ticket_reopened',
      externalId: `${ticketId}/o`,
      ticketId,
      at: iso(solved + 86_400_000),
      agent,
    });
    rows.push({
      type: 'ticket_solved',
      externalId: `${ticketId}/s2`,
      ticketId,
      at: iso(solved + 90_000_000),
      agent,
    });
  }
  return rows;
}

async function main(): Promise<void> {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const file = fs.createWriteStream(out);
  if (format === 'csv') file.write(`${GENERIC_FIELDS.join(',')}\n`);
  let written = 0;
  for (let n = 1; written < total; n++) {
    for (const row of story(n)) {
      if (written >= total) break;
      if (!file.write(encode(row))) await once(file, 'drain');
      written++;
    }
  }
  file.end();
  await once(file, 'finish');
  console.log(`wrote ${written} events to ${out} (${(fs.statSync(out).size / 1024 ** 2).toFixed(1)} MiB)`);
}

await main();
