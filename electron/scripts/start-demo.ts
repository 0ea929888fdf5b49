// `npm start`: the demo, end to end (the order and the messages are in start/start-plan.ts). Fetches the
// Electron binary with Electron's installer if it is missing, builds the renderer and main/preload, starts
// the sync server with a seeded demo team, then launches Electron signed in as the first demo agent.
// Quitting Electron stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ensureElectron, installerManifest, type ElectronPackage } from './start/electron-binary';
import { sandboxBlocker } from './start/linux-sandbox';
import { npmCommand, spawnFailure } from './start/npm-command';
import { runStart, type DemoServer } from './start/start-plan';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const dataDir = join(root, '.data', 'demo');
const tokensFile = join(dataDir, 'tokens.json');

const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

function electronPackage(): ElectronPackage {
  const pkgJson = require.resolve('electron/package.json');
  const dir = dirname(pkgJson);
  const version = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(pkgJson, 'utf8'))).version;
  const installer = installerManifest(dir, existsSync);
  const installerNode = installer
    ? z
        .object({ engines: z.object({ node: z.string() }).optional() })
        .parse(JSON.parse(readFileSync(installer, 'utf8'))).engines?.node
    : undefined;
  return { dir, version, installerNode };
}

const DemoTokens = z.object({
  serverUrl: z.string(),
  people: z.array(z.object({ name: z.string(), role: z.string(), token: z.string() })),
});

async function startServer(): Promise<DemoServer> {
  mkdirSync(dataDir, { recursive: true });
  rmSync(tokensFile, { force: true }); // never sign in with a previous run's tokens
  const child = spawn(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      'server/src/cli/main.ts',
      'serve',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--demo-tokens-file',
      tokensFile,
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let exited = false;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.on('error', (error: Error & { code?: string }) =>
    console.error(`The demo server could not be started (${error.code ?? 'error'}: ${error.message}).`),
  );
  child.on('exit', (code) => {
    exited = true;
    if (code) console.error(`The demo server exited with code ${code}.`);
  });
  const stop = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  const deadline = Date.now() + 120_000;
  while (!existsSync(tokensFile)) {
    if (exited) throw new Error('The demo server stopped before it was ready.');
    if (Date.now() > deadline) throw new Error(`The demo server did not write ${tokensFile} within 120 s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const demo = DemoTokens.parse(JSON.parse(readFileSync(tokensFile, 'utf8')));
  const agent = demo.people.find((p) => p.role === 'agent');
  if (!agent) throw new Error('The demo server wrote no agent token.');
  return { url: demo.serverUrl, agent, closed, stop };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

const pkg = electronPackage();
const code = await runStart({
  ensureElectron: () =>
    ensureElectron(pkg, {
      exists: existsSync,
      readFile: readText,
      overrideDistPath: process.env.ELECTRON_OVERRIDE_DIST_PATH,
      nodeVersion: process.versions.node,
      runInstaller: (script) => {
        console.log(`Downloading Electron ${pkg.version} with its installer (first run only)…`);
        const result = spawnSync(process.execPath, [script], {
          cwd: root,
          stdio: ['ignore', 'inherit', 'pipe'],
          encoding: 'utf8',
        });
        return {
          error: result.error,
          status: result.status,
          signal: result.signal,
          stderr: result.stderr ?? '',
        };
      },
    }),
  sandboxBlocker: (binary) =>
    sandboxBlocker(binary, {
      platform: process.platform,
      readFile: readText,
      stat: (path) => {
        try {
          const s = statSync(path);
          return { uid: s.uid, mode: s.mode };
        } catch {
          return null;
        }
      },
      listDir: (path) => {
        try {
          return readdirSync(path, { withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => entry.name);
        } catch {
          return [];
        }
      },
    }),
  build: (script) => {
    const npm = npmCommand(['run', script], {
      platform: process.platform,
      execPath: process.execPath,
      npmExecPath: process.env.npm_execpath,
      exists: existsSync,
    });
    return spawnFailure(spawnSync(npm.command, npm.args, { cwd: root, stdio: 'inherit', shell: npm.shell }));
  },
  skipBuild: Boolean(process.env.SIDEKICK_SKIP_BUILD),
  startServer,
  launch: (binary, args, env) =>
    new Promise((resolve) => {
      const app = spawn(binary, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
      app.on('error', (error: Error & { code?: string }) => {
        console.error(`Electron could not be started (${error.code ?? 'error'}: ${error.message}).`);
        resolve(1);
      });
      app.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    }),
  platform: process.platform,
  env: process.env,
  appDir: root,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
process.exit(code);
