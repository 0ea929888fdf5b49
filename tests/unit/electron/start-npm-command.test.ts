import { describe, expect, it } from 'vitest';
import { npmCommand, spawnFailure } from '../../../electron/scripts/start/npm-command';

const never = () => false;

describe('npm start: running npm without a shell', () => {
  it('Windows: runs npm-cli.js with Node, never npm.cmd without a shell (EINVAL since CVE-2024-27980)', () => {
    expect(
      npmCommand(['run', 'build:renderer'], {
        platform: 'win32',
        execPath: 'C:\\Program Files\\nodejs\\node.exe',
        npmExecPath: 'C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js',
        exists: never,
      }),
    ).toEqual({
      command: 'C:\\Program Files\\nodejs\\node.exe',
      args: ['C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js', 'run', 'build:renderer'],
      shell: false,
    });
  });

  it('macOS and Linux: the same, through npm_execpath', () => {
    for (const platform of ['darwin', 'linux'] as const)
      expect(
        npmCommand(['run', 'build:electron'], {
          platform,
          execPath: '/usr/local/bin/node',
          npmExecPath: '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
          exists: never,
        }),
      ).toEqual({
        command: '/usr/local/bin/node',
        args: ['/usr/local/lib/node_modules/npm/bin/npm-cli.js', 'run', 'build:electron'],
        shell: false,
      });
  });

  it('without npm_execpath: npm-cli.js where each OS installer puts it next to Node', () => {
    const seen: string[] = [];
    const exists = (path: string) => (seen.push(path), true);
    expect(
      npmCommand(['run', 'x'], {
        platform: 'win32',
        execPath: 'C:\\nodejs\\node.exe',
        npmExecPath: undefined,
        exists,
      }),
    ).toEqual({
      command: 'C:\\nodejs\\node.exe',
      args: ['C:\\nodejs\\node_modules\\npm\\bin\\npm-cli.js', 'run', 'x'],
      shell: false,
    });
    expect(
      npmCommand(['run', 'x'], {
        platform: 'darwin',
        execPath: '/opt/homebrew/bin/node',
        npmExecPath: '',
        exists,
      }).args[0],
    ).toBe('/opt/homebrew/lib/node_modules/npm/bin/npm-cli.js');
    expect(
      npmCommand(['run', 'x'], {
        platform: 'linux',
        execPath: '/usr/bin/node',
        npmExecPath: undefined,
        exists,
      }).args[0],
    ).toBe('/usr/lib/node_modules/npm/bin/npm-cli.js');
  });

  it('last resort: npm on PATH (through cmd.exe on Windows, with our fixed arguments only)', () => {
    expect(
      npmCommand(['run', 'x'], {
        platform: 'win32',
        execPath: 'C:\\n\\node.exe',
        npmExecPath: undefined,
        exists: never,
      }),
    ).toEqual({ command: 'npm.cmd', args: ['run', 'x'], shell: true });
    expect(
      npmCommand(['run', 'x'], {
        platform: 'linux',
        execPath: '/n/node',
        npmExecPath: undefined,
        exists: never,
      }),
    ).toEqual({ command: 'npm', args: ['run', 'x'], shell: false });
  });

  it('a native npm_execpath (bun, …) runs as itself', () => {
    expect(
      npmCommand(['run', 'x'], {
        platform: 'linux',
        execPath: '/n/node',
        npmExecPath: '/home/a/.bun/bin/bun',
        exists: never,
      }),
    ).toEqual({ command: '/home/a/.bun/bin/bun', args: ['run', 'x'], shell: false });
  });

  it('says what really went wrong when a spawn fails', () => {
    const einval = Object.assign(new Error('spawnSync npm.cmd EINVAL'), { code: 'EINVAL' });
    expect(spawnFailure({ error: einval, status: null, signal: null })).toBe(
      'it could not be started (EINVAL: spawnSync npm.cmd EINVAL)',
    );
    expect(spawnFailure({ status: 2, signal: null })).toBe('it exited with code 2');
    expect(spawnFailure({ status: null, signal: 'SIGKILL' })).toBe('it was stopped by SIGKILL');
    expect(spawnFailure({ status: 0, signal: null })).toBeNull();
  });
});
