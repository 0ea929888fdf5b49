// Module resolve hook (node:module register): `import … from 'electron'` gets the project's fake Electron
// (tests/integration/sync/fake-electron.ts, transpiled to plain JS by support/built-main.ts). Everything else
// resolves as Node resolves it.
let fakeUrl;

export function initialize(data) {
  fakeUrl = data.fakeUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fakeUrl, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
