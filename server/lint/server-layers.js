// A local ESLint rule: the folders of server/src form layers, and a folder imports only the layers below it.
// eslint.config.js turns it on for server/src; tests/unit/server/layer-order.test.ts shows what it refuses.
import path from 'node:path';

/**
 * server/src from the bottom up (docs/ARCHITECTURE.md, "The server's layers"). A folder may import any folder on a lower row;
 * folders on the same row never import each other (what both need belongs a row lower). A new folder must be
 * placed here before it can hold code.
 */
export const SERVER_LAYERS = [
  ['store'],
  ['feed', 'auth'],
  ['core'],
  ['engine'],
  ['actions', 'ingest', 'connectors', 'scheduler'],
  ['http'],
  ['demo', 'import'],
  ['app'],
  ['cli'],
];

/** Packages that speak HTTP or WebSocket: only http/ and the layers above it import them. */
const HTTP_PACKAGES = [/^fastify$/, /^@fastify\//, /^ws$/];
const HTTP_LAYER = 'http';

const rankOf = new Map(SERVER_LAYERS.flatMap((row, rank) => row.map((folder) => [folder, rank])));
const ORDER = SERVER_LAYERS.map((row) => row.join(', ')).join(' < ');

/** @type {import('eslint').Rule.RuleModule} */
export const serverLayers = {
  meta: {
    type: 'problem',
    docs: { description: 'server/src folders import only the layers below them' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward: '{{from}}/ must not import {{to}}/ (a higher layer). server/src layers run {{order}}.',
      sideways:
        '{{from}}/ and {{to}}/ sit side by side ({{order}}): neither imports the other; move what both need a layer down.',
      unknown:
        '{{folder}} is not a layer of server/src; place it in SERVER_LAYERS (server/lint/server-layers.js).',
      http: '{{from}}/ must not import {{name}}: HTTP and sockets belong to http/ and above ({{order}}).',
    },
  },
  create(context) {
    const root = path.resolve(context.cwd, context.options[0]?.root ?? 'server/src');
    const inRoot = (file) => {
      const rel = path.relative(root, file);
      return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep);
    };
    const own = inRoot(context.filename);
    if (!own) return {};
    const from = own.length > 1 ? own[0] : '(server/src itself)';
    const fromRank = rankOf.get(from);

    const check = (node, source) => {
      if (typeof source !== 'string' || fromRank === undefined) return;
      if (!source.startsWith('.')) {
        const name = source;
        if (fromRank < rankOf.get(HTTP_LAYER) && HTTP_PACKAGES.some((p) => p.test(name)))
          context.report({ node, messageId: 'http', data: { from, name, order: ORDER } });
        return;
      }
      const target = inRoot(path.resolve(path.dirname(context.filename), source));
      if (!target) return; // outside server/src, e.g. shared/
      const to = target.length > 1 ? target[0] : '(server/src itself)';
      if (to === from) return;
      const toRank = rankOf.get(to);
      if (toRank === undefined) context.report({ node, messageId: 'unknown', data: { folder: `${to}/` } });
      else if (toRank > fromRank)
        context.report({ node, messageId: 'upward', data: { from, to, order: ORDER } });
      else if (toRank === fromRank)
        context.report({ node, messageId: 'sideways', data: { from, to, order: ORDER } });
    };

    return {
      Program(node) {
        if (fromRank === undefined)
          context.report({
            node,
            messageId: 'unknown',
            data: { folder: own.length > 1 ? `${from}/` : `${own[0]} (directly in server/src)` },
          });
      },
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};
