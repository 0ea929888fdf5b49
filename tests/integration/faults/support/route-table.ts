/**
 * Reads Fastify's printRoutes({ commonPrefix: false }) tree back into "METHOD /path" pairs, so the auth suite
 * checks every route the server really registers rather than a list that can go stale.
 */
export function routesFromTree(tree: string): string[] {
  const out: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const segment = match[2] ?? '';
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? -1) >= depth) stack.pop();
    const parent = stack[stack.length - 1]?.path ?? '';
    const path =
      parent === ''
        ? segment
        : parent.endsWith('/')
          ? `${parent}${segment.replace(/^\//, '')}`
          : `${parent}${segment}`;
    stack.push({ depth, path });
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean))
      out.push(`${method} ${path}`);
  }
  return out;
}
