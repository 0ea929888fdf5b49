import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api/snapshot';
import { levelSummary } from '../../../shared/domain/growth';
import { DIALECTS, startTestServer, type TestServer } from './helpers/test-server';
import { createPerson, createTeam } from './helpers/fixtures';

describe.each(DIALECTS)('a person added a minute ago ($name)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(dialect);
  });
  afterAll(async () => t?.close());

  it('is at the start of level 1 with a next level to reach, not "0 points — the top level"', async () => {
    const teamId = await createTeam(t.api);
    const newbie = await createPerson(t.api, { name: 'Nia New', teamIds: [teamId] });
    const state = (await t.api<Snapshot>('GET', '/api/me/state', { token: newbie.token })).body;
    expect(state.growth).toMatchObject({ points: 0, level: 1, pointsIntoLevel: 0 });
    expect(state.growth.pointsForNextLevel).toBeGreaterThan(0);
    expect(levelSummary(state.growth.points).progress).not.toMatch(/top level/);
  });
});
