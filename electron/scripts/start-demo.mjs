#!/usr/bin/env node
// `npm start`: the demo, end to end. Starts the sync server with a seeded demo team as a child process,
// builds the renderer and the Electron main/preload, then launches Electron signed in as the first demo
// agent (server URL and token passed in the environment). Quitting Electron stops the server.
// Without the Electron binary (as on machines where it cannot be downloaded) it says so, keeps the server
// running for the browser until Ctrl+C, and exits non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const dataDir = join(root, '.data', 'demo');
const tokensFile = join(dataDir, 'tokens.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

mkdirSync(dataDir, { recursive: true });
rmSync(tokensFile, { force: true }); // never sign in with a previous run's tokens

const server = spawn(
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
let serverExited = false;
server.on('exit', (code) => {
  serverExited = true;
  if (code) console.error(`The demo server exited with code ${code}.`);
});
const stopServer = () => {
  if (!serverExited) server.kill('SIGTERM');
};
process.on('exit', stopServer);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

if (!process.env.SIDEKICK_SKIP_BUILD) {
  for (const [label, args] of [
    ['renderer', ['run', 'build:renderer']],
    ['electron main and preload', ['run', 'build:electron']],
  ]) {
    console.log(`Building the ${label}…`);
    const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`Building the ${label} failed.`);
      process.exit(1);
    }
  }
}

const demo = await waitForTokens(120_000);
const agent = demo.people.find((p) => p.role === 'agent');
if (!agent) {
  console.error('The demo server wrote no agent token.');
  process.exit(1);
}

const electron = electronBinary();
if (!electron) {
  console.error(
    `\nThe Electron binary is not installed here (it cannot be downloaded on this machine), so the desktop app cannot start; ` +
      `the demo server stays up for the browser at ${demo.serverUrl} (sign in as ${agent.name} with token ${agent.token}) until you press Ctrl+C.`,
  );
  await new Promise((resolve) => {
    server.on('exit', resolve);
    process.on('SIGINT', resolve);
  });
  stopServer();
  process.exit(1);
}

console.log(`Starting Sidekick as ${agent.name} against ${demo.serverUrl}`);
const app = spawn(electron, [root], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SIDEKICK_SERVER_URL: demo.serverUrl, SIDEKICK_TOKEN: agent.token },
});
app.on('exit', (code) => {
  stopServer();
  process.exit(code ?? 0);
});

/**
 * The Electron executable, or null when the npm package is there but its binary is not. Read the way the
 * `electron` package does (dist/ + path.txt), without its fallback of downloading the binary on first use.
 */
function electronBinary() {
  const pkg = dirname(require.resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relativePath = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(base, relativePath);
  return existsSync(binary) ? binary : null;
}

async function waitForTokens(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (serverExited) throw new Error('The demo server stopped before it was ready.');
    if (existsSync(tokensFile)) return JSON.parse(readFileSync(tokensFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The demo server did not write ${tokensFile} within ${timeoutMs / 1000} s.`);
}
