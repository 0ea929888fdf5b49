import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, README, renderApiReference } from '../../../server/scripts/api-reference';
import { apiRoutes } from '../../../shared/api/routes';

/** Markdown tables may be re-aligned by Prettier: compare cell by cell, not space by space. */
const normalise = (block: string) =>
  block
    .split('\n')
    .map((line) =>
      line
        .replace(/\s*\|\s*/g, '|')
        .replace(/-{3,}/g, '---')
        .trim(),
    )
    .join('\n');

const generatedBlock = (readme: string) =>
  readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);

/** `POST /api/admin/people/:id/merge` and `POST /api/admin/people/:personId/merge` name the same route. */
const shape = (method: string, route: string) => `${method} ${route.replace(/:[A-Za-z]+/g, ':')}`;
const tableRoutes = new Set(Object.values(apiRoutes).map((r) => shape(r.method, r.path)));

describe('the API reference and the route table', () => {
  it('server/README.md carries the reference generated from shared/api/routes.ts', () => {
    const readme = fs.readFileSync(README, 'utf8');
    expect(readme.includes(BEGIN) && readme.includes(END), 'routes:begin / routes:end markers').toBe(true);
    expect(
      normalise(generatedBlock(readme)),
      'run `npx tsx server/scripts/api-reference.ts` after changing the route table',
    ).toBe(normalise(renderApiReference()));
  });

  it('every route the READMEs name in prose is in the table', () => {
    const repo = path.resolve(path.dirname(README), '..');
    const unknown: string[] = [];
    for (const file of ['README.md', 'server/README.md']) {
      const text = fs.readFileSync(path.join(repo, file), 'utf8');
      const prose = text.replace(generatedBlock(text), '');
      for (const m of prose.matchAll(/\b(GET|POST|PATCH|DELETE) (\/[A-Za-z0-9_:/.-]*)/g))
        if (!tableRoutes.has(shape(m[1] ?? '', (m[2] ?? '').replace(/\.$/, ''))))
          unknown.push(`${file}: ${m[0]}`);
    }
    expect(unknown).toEqual([]);
  });
});
