import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The server's layer order is enforced by `npm run lint` (eslint.config.js with server/lint/server-layers.js).
 * These lint made-up files at real paths under server/src with the project's own configuration, so they show
 * that an upward import fails the lint, not only that the rule exists.
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repo });

const CHECKED = ['sidekick/server-layers', 'no-restricted-syntax', 'no-restricted-properties'];

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, 'server/src', file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && CHECKED.includes(m.ruleId))
    .map((m) => m.message);
}

describe('server/src layer order', { timeout: 60_000 }, () => {
  it('refuses an upward import, a type-only one included', async () => {
    expect(
      await problems(
        'store/repos/x.ts',
        "import { FeedBus } from '../../feed/feed-bus';\nexport { FeedBus };\n",
      ),
    ).toEqual([expect.stringMatching(/^store\/ must not import feed\/ \(a higher layer\)/)]);
    expect(
      await problems(
        'engine/x.ts',
        "import type { AppContext } from '../app/server-context';\nexport type X = AppContext;\n",
      ),
    ).toEqual([expect.stringMatching(/^engine\/ must not import app\//)]);
    expect(await problems('core/x.ts', "export * from '../http/http-errors';\n")).toEqual([
      expect.stringMatching(/^core\/ must not import http\//),
    ]);
    expect(
      await problems('store/x.ts', "export const load = () => import('../engine/recompute');\n"),
    ).toEqual([expect.stringMatching(/^store\/ must not import engine\//)]);
  });

  it('refuses an import between folders of one row', async () => {
    expect(
      await problems(
        'actions/x.ts',
        "import { ingestEvents } from '../ingest/ingest-service';\nvoid ingestEvents;\n",
      ),
    ).toEqual([expect.stringMatching(/^actions\/ and ingest\/ sit side by side/)]);
  });

  it('refuses HTTP packages below http/ and SQL outside store/', async () => {
    expect(
      await problems(
        'actions/x.ts',
        "import type { FastifyInstance } from 'fastify';\nexport type A = FastifyInstance;\n",
      ),
    ).toEqual([expect.stringMatching(/^actions\/ must not import fastify/)]);
    const query =
      "import type { Kysely } from 'kysely';\nimport type { Database } from '../store/schema';\nexport const q = (db: Kysely<Database>) => db.selectFrom('people').selectAll().execute();\n";
    expect(await problems('engine/x.ts', query)).toEqual([
      'SQL belongs in a repository under server/src/store/repos/',
    ]);
    expect(await problems('store/repos/x.ts', query.replace("'../store/schema'", "'../schema'"))).toEqual([]);
  });

  it('refuses process.env outside app/environment.ts: the configuration is parsed once', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await problems('http/x.ts', code)).toEqual([expect.stringMatching(/'process.env' is restricted/)]);
    expect(await problems('app/environment.ts', code)).toEqual([]);
  });

  it('refuses a folder that is not placed in the order', async () => {
    expect(await problems('widgets/x.ts', 'export const x = 1;\n')).toEqual([
      expect.stringMatching(/^widgets\/ is not a layer of server\/src/),
    ]);
  });

  it('lets every layer import those below it', async () => {
    const code = [
      "import { runUnitOfWork } from '../store/unit-of-work';",
      "import type { AppContext } from '../core/context';",
      "import { refreshAgent } from '../engine/apply-events';",
      "import { sendKudos } from '../actions/kudos-actions';",
      "import type { FastifyInstance } from 'fastify';",
      "import { Snapshot } from '../../../shared/api/snapshot';",
      'export { runUnitOfWork, refreshAgent, sendKudos, Snapshot };',
      'export type { AppContext, FastifyInstance };',
      '',
    ].join('\n');
    expect(await problems('http/x.ts', code)).toEqual([]);
  });

  it('holds for the server as it is', async () => {
    const results = await eslint.lintFiles([path.join(repo, 'server/src')]);
    const found = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && CHECKED.includes(m.ruleId))
        .map((m) => `${path.relative(repo, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });
});
