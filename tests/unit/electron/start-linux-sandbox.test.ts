import { describe, expect, it } from 'vitest';
import {
  APPARMOR_USERNS,
  sandboxBlocker,
  USERNS_CLONE,
  type SandboxProbe,
} from '../../../electron/scripts/start/linux-sandbox';

const binary = '/home/ana/sidekick/node_modules/electron/dist/electron';
const helper = '/home/ana/sidekick/node_modules/electron/dist/chrome-sandbox';

function probe(files: Record<string, string>, helperStat = { uid: 1000, mode: 0o100755 }): SandboxProbe {
  return {
    platform: 'linux',
    readFile: (p) => files[p] ?? null,
    stat: (p) => (p === helper ? helperStat : null),
    listDir: (dir) =>
      Object.keys(files)
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => p.slice(dir.length + 1)),
  };
}

describe('npm start on Ubuntu 23.10+/24.04: the AppArmor user-namespace restriction', () => {
  it('detects it and prints the exact fix, never --no-sandbox as the answer', () => {
    const fix = sandboxBlocker(binary, probe({ [APPARMOR_USERNS]: '1\n' }));
    expect(fix).toContain('AppArmor restricts unprivileged user namespaces');
    expect(fix).toContain(`profile sidekick-dev-electron "${binary}" flags=(unconfined) {`);
    expect(fix).toContain('    userns,');
    expect(fix).toContain('sudo apparmor_parser -r /etc/apparmor.d/sidekick-dev-electron');
    expect(fix).toContain(`sudo chown root:root '${helper}'`);
    expect(fix).toContain(`sudo chmod 4755 '${helper}'`);
    expect(fix).toContain('Do not run Electron with --no-sandbox');
    expect(fix).toContain('.deb');
  });

  it('says nothing where the sandbox can start', () => {
    expect(sandboxBlocker(binary, probe({}))).toBeNull(); // no restriction (older Ubuntu, Debian, Fedora)
    expect(sandboxBlocker(binary, probe({ [APPARMOR_USERNS]: '0' }))).toBeNull();
    expect(sandboxBlocker(binary, probe({ [APPARMOR_USERNS]: '1' }, { uid: 0, mode: 0o104755 }))).toBeNull();
    expect(
      sandboxBlocker(
        binary,
        probe({
          [APPARMOR_USERNS]: '1',
          '/etc/apparmor.d/sidekick-dev-electron': `profile x "${binary}" { userns, }`,
        }),
      ),
    ).toBeNull();
    expect(sandboxBlocker(binary, { ...probe({ [APPARMOR_USERNS]: '1' }), platform: 'darwin' })).toBeNull();
  });

  it('a profile for some other binary does not count', () => {
    expect(
      sandboxBlocker(
        binary,
        probe({
          [APPARMOR_USERNS]: '1',
          '/etc/apparmor.d/code': 'profile code /usr/share/code/code { userns, }',
        }),
      ),
    ).not.toBeNull();
  });

  it('kernels without unprivileged user namespaces need the setuid helper', () => {
    const fix = sandboxBlocker(binary, probe({ [USERNS_CLONE]: '0' }));
    expect(fix).toContain('kernel.unprivileged_userns_clone=0');
    expect(fix).toContain(`sudo chmod 4755 '${helper}'`);
    expect(fix).not.toContain('apparmor_parser');
  });
});
