import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../server/src/import/run-import';
import { createMojoMapper } from '../../../server/src/import/mappings/mojo-mapping';
import { briefStored, memoryIngest, memoryPeople } from './helpers/memory-sink';

// Shaped like GET /api/v2/tickets of the Mojo Helpdesk API (its documented response sample, trimmed).
const ticket = (id: number, over: Record<string, unknown> = {}) => ({
  id,
  title: 'Printer is jammed',
  status_id: 50,
  priority_id: 30,
  user_id: 5,
  assigned_to_id: 10,
  rating: 100,
  rated_on: '2024-01-16T09:00:00Z',
  rating_comment: 'Fast and helpful resolution, thank you!',
  created_on: '2024-01-15T10:30:00Z',
  updated_on: '2024-01-16T09:00:00Z',
  status_changed_on: '2024-01-16T08:45:00Z',
  solved_on: '2024-01-16T08:45:00Z',
  first_assigned_on: '2024-01-15T10:35:00Z',
  closed_on: null,
  tags: [{ id: 1, label: 'Bug', color: '#ff0000' }],
  ...over,
});

async function importJson(text: string, format: 'json' | 'csv' = 'json') {
  const { ingest, stored } = memoryIngest();
  const { people, named } = memoryPeople();
  const summary = await runImport({
    input: Readable.from([text]),
    format,
    mapper: createMojoMapper(),
    ingest,
    people,
  });
  return { summary, stored, named };
}

describe('Mojo Helpdesk tickets (API JSON pages, CSV export)', () => {
  it('derives created, assigned, the solve (resolution time) and the rating (the Mojo number) from an API page', async () => {
    const page = JSON.stringify(
      [
        ticket(123),
        ticket(124, { status_id: 20, solved_on: null, rating: null, rated_on: null }),
        ticket(125, { status_id: 60, solved_on: null, closed_on: '2024-01-17T10:00:00Z', rating: 40 }),
      ],
      null,
      2,
    );
    const { summary, stored } = await importJson(page);
    expect(summary.rejected).toEqual([]);
    expect(briefStored(stored)).toEqual([
      'csat_rated 123 2024-01-16T09:00:00Z mojo:10',
      'csat_rated 125 2024-01-16T09:00:00Z mojo:10',
      'ticket_assigned 123 2024-01-15T10:35:00Z mojo:10',
      'ticket_assigned 124 2024-01-15T10:35:00Z mojo:10',
      'ticket_assigned 125 2024-01-15T10:35:00Z mojo:10',
      'ticket_created 123 2024-01-15T10:30:00Z',
      'ticket_created 124 2024-01-15T10:30:00Z',
      'ticket_created 125 2024-01-15T10:30:00Z',
      'ticket_solved 123 2024-01-16T08:45:00Z mojo:10',
      'ticket_solved 125 2024-01-17T10:00:00Z mojo:10',
    ]);
    const ratings = [...stored.values()].filter((e) => e.type === 'csat_rated');
    expect(ratings.map((e) => e.type === 'csat_rated' && [e.satisfied, e.originalScore])).toEqual([
      [true, 100],
      [false, 40],
    ]);
    expect(ratings[0]).toMatchObject({ comment: 'Fast and helpful resolution, thank you!' });
  });

  it('reads a CSV export whose headers are labels ("Created on"), with stars and agents named by e-mail', async () => {
    const csv = [
      'ID,Title,Status,Assigned to email,Created on,Solved on,Rating,Rated on',
      '7,VPN down,Solved,Jane@Example.com,2024-02-01T09:00:00Z,2024-02-01T10:30:00Z,Great job,2024-02-02T08:00:00Z',
      '8,Mail,Solved,,2024-02-01T09:00:00Z,2024-02-01T11:00:00Z,9,',
    ].join('\n');
    const { summary, stored } = await importJson(csv, 'csv');
    // A rating that is no rating rejects its whole ticket: nothing is half-imported.
    expect(briefStored(stored)).toEqual([
      'csat_rated 7 2024-02-02T08:00:00Z email:jane@example.com',
      'ticket_created 7 2024-02-01T09:00:00Z',
      'ticket_solved 7 2024-02-01T10:30:00Z email:jane@example.com',
    ]);
    expect(summary.rejected).toEqual([
      { line: 3, reason: 'ticket 8: Mojo rating "9" is neither 1–5 stars nor 20–100 points' },
    ]);
  });

  it('refuses to credit a solve to nobody, and names the agents from users records', async () => {
    const text = JSON.stringify([
      {
        id: 10,
        email: 'Jane@Example.com',
        first_name: 'Jane',
        last_name: 'Agent',
        role_id: 20,
        created_on: '2024-01-01T00:00:00Z',
      },
      {
        id: 5,
        email: 'bob@example.com',
        full_name: 'Bob User',
        role_id: 10,
        created_on: '2024-01-01T00:00:00Z',
      },
      ticket(126, { assigned_to_id: null, rating: null }),
    ]);
    const { summary, named } = await importJson(text);
    expect(named).toEqual([{ handles: ['mojo:10', 'email:jane@example.com'], name: 'Jane Agent' }]);
    expect(summary.rejected).toEqual([
      {
        line: 1,
        reason: 'ticket 126 is solved but has no assignee to credit it to; the solve is not imported',
      },
    ]);
  });
});
