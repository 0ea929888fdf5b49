import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './bundles';

/** The project's fake Electron as plain JavaScript, for code that runs outside vitest. */
export function transpiledFakeElectron(dir: string): string {
  const source = readFileSync(join(repoRoot, 'tests', 'integration', 'sync', 'fake-electron.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = join(dir, 'fake-electron.mjs');
  writeFileSync(file, outputText);
  return file;
}

export interface BuiltMainReport {
  error?: string;
  schemes: { scheme: string; beforeReady: boolean }[];
  sandboxEnabled: boolean;
  sandboxEnabledBeforeReady: boolean;
  loadedUrl: string;
  preloadPath: string;
  preloadExists: boolean;
  preloadInsideApp: boolean;
  webPreferences: Record<string, unknown> | null;
  trayImages: { path: string; template: boolean; exists: boolean }[];
  applicationMenu: unknown;
  protocolClients: string[];
  appUserModelIds: string[];
  ipcChannels: string[];
  appListeners: Record<string, number>;
  assets: {
    url: string;
    referencedByIndex: boolean;
    status: number;
    contentType: string | null;
    csp: string | null;
    sameBytesAsFile: boolean;
  }[];
  stderr: string;
}

/**
 * Runs `<appDir>/out/main/index.js` in plain Node (`node --import run-built-main.mjs …`) with Electron
 * faked, and returns what it did. Update checks are off: electron-updater needs Electron's
 * process.resourcesPath, which plain Node has not.
 */
export async function runBuiltMain(appDir: string, packaged: boolean): Promise<BuiltMainReport> {
  const work = mkdtempSync(join(tmpdir(), 'sidekick-built-main-'));
  try {
    const reportFile = join(work, 'report.json');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: work,
      TMPDIR: work,
      SIDEKICK_FAKE_ELECTRON: transpiledFakeElectron(work),
      SIDEKICK_APP_DIR: appDir,
      SIDEKICK_PACKAGED: packaged ? '1' : '0',
      SIDEKICK_REPORT: reportFile,
      SIDEKICK_DISABLE_UPDATES: '1',
    };
    const child = spawn(
      process.execPath,
      [
        '--import',
        join(repoRoot, 'tests', 'desktop', 'support', 'run-built-main.mjs'),
        join(appDir, 'out', 'main', 'index.js'),
      ],
      { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    let report: Omit<BuiltMainReport, 'stderr'>;
    try {
      report = JSON.parse(readFileSync(reportFile, 'utf8')) as Omit<BuiltMainReport, 'stderr'>;
    } catch {
      throw new Error(`the built main wrote no report (exit code ${code}):\n${stderr}`);
    }
    return { ...report, stderr };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
