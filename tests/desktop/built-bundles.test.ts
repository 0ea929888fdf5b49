import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  builtMain,
  builtPreload,
  esmImports,
  mainExternals,
  readBuilt,
  repoRoot,
  rootManifest,
} from './support/bundles';

// Check 1 of issue 10: what electron-vite wrote to out/ is loadable where Electron loads it.
describe('the built preload (out/preload/index.cjs)', () => {
  const source = readBuilt(builtPreload);

  it('parses as a classic script, the way Electron wraps a sandboxed preload', () => {
    expect(
      () =>
        new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
          filename: builtPreload,
        }),
    ).not.toThrow();
  });

  it('imports nothing: no import statements and no import() (a sandboxed preload cannot load modules)', async () => {
    const { specifiers, hasModuleSyntax } = await esmImports(source);
    expect(hasModuleSyntax).toBe(false);
    expect(specifiers).toEqual([]);
  });

  it("requires nothing but 'electron', and runs with only that to expose window.sidekick", () => {
    const literal = [...source.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
    const anyRequire = [...source.matchAll(/\brequire\s*\(/g)];
    expect(literal).toEqual(['electron']);
    expect(anyRequire).toHaveLength(literal.length);

    const required: string[] = [];
    const exposed = new Map<string, unknown>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
      ipcRenderer: { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined },
    };
    const module = { exports: {} };
    const run = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: builtPreload,
    }).runInNewContext({}) as (...args: unknown[]) => void;
    run(
      module.exports,
      (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`the preload required ${id}`);
        return electron;
      },
      module,
      builtPreload,
      '.',
    );
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['sidekick']);
  });
});

describe('the built main (out/main/index.js)', () => {
  it('is an ES module', async () => {
    const { hasModuleSyntax } = await esmImports(readBuilt(builtMain));
    expect(hasModuleSyntax).toBe(true);
    expect(readBuilt(builtMain)).not.toMatch(/\brequire\s*\(/);
  });

  it('every external it imports is a production dependency, installed (Electron itself is the runtime)', async () => {
    const externals = await mainExternals();
    const { dependencies = {}, devDependencies = {} } = rootManifest();
    expect(externals.length).toBeGreaterThan(0);
    for (const name of externals) {
      expect(dependencies, `${name} must be in "dependencies" to be packaged`).toHaveProperty([name]);
      expect(() => createRequire(`${repoRoot}/package.json`).resolve(name), name).not.toThrow();
    }
    const { specifiers } = await esmImports(readBuilt(builtMain));
    expect(specifiers).toContain('electron');
    expect(devDependencies).toHaveProperty(['electron']);
    expect(dependencies).not.toHaveProperty(['electron']);
  });
});
