import { dirname, join } from 'node:path';

/** What the check reads from the machine. */
export interface SandboxProbe {
  platform: NodeJS.Platform;
  readFile(path: string): string | null;
  stat(path: string): { uid: number; mode: number } | null;
  listDir(path: string): string[];
}

export const APPARMOR_USERNS = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
export const USERNS_CLONE = '/proc/sys/kernel/unprivileged_userns_clone';
export const PROFILE_NAME = 'sidekick-dev-electron';

/**
 * Chromium's sandbox on Linux needs unprivileged user namespaces, or else a root-owned setuid
 * chrome-sandbox. Ubuntu 23.10+ (and 24.04) lets AppArmor deny the namespaces to any program without a
 * profile that grants `userns`, and chrome-sandbox in node_modules is neither root-owned nor setuid, so
 * Electron aborts at start ("The SUID sandbox helper binary was found, but is not configured correctly").
 * This detects that before launching and returns the exact fix; it never turns the sandbox off.
 */
export function sandboxBlocker(electronBinary: string, probe: SandboxProbe): string | null {
  if (probe.platform !== 'linux') return null;
  const apparmorRestricts = probe.readFile(APPARMOR_USERNS)?.trim() === '1';
  const usernsDisabled = probe.readFile(USERNS_CLONE)?.trim() === '0';
  if (!apparmorRestricts && !usernsDisabled) return null;
  const helper = join(dirname(electronBinary), 'chrome-sandbox');
  const helperStat = probe.stat(helper);
  if (helperStat && helperStat.uid === 0 && (helperStat.mode & 0o4000) !== 0) return null;
  if (apparmorRestricts && !usernsDisabled && hasUsernsProfile(electronBinary, probe)) return null;

  const suid = [`  sudo chown root:root '${helper}'`, `  sudo chmod 4755 '${helper}'`];
  const profile = [
    `  sudo tee /etc/apparmor.d/${PROFILE_NAME} >/dev/null <<'EOF'`,
    '  abi <abi/4.0>,',
    '  include <tunables/global>',
    `  profile ${PROFILE_NAME} "${electronBinary}" flags=(unconfined) {`,
    '    userns,',
    `    include if exists <local/${PROFILE_NAME}>`,
    '  }',
    '  EOF',
    `  sudo apparmor_parser -r /etc/apparmor.d/${PROFILE_NAME}`,
  ];
  return [
    usernsDisabled
      ? "Electron's sandbox cannot start here: this kernel disables unprivileged user namespaces (kernel.unprivileged_userns_clone=0) and node_modules' chrome-sandbox is not setuid root."
      : "Electron's sandbox cannot start here: AppArmor restricts unprivileged user namespaces (Ubuntu 23.10 and later) and no profile allows them for node_modules' Electron.",
    'Fix it once, then run npm start again:',
    ...(usernsDisabled
      ? suid
      : [
          '- allow user namespaces for this Electron binary with an AppArmor profile (recommended):',
          ...profile,
          '- or make its sandbox helper setuid root:',
          ...suid,
        ]),
    'Do not run Electron with --no-sandbox. The packaged app needs none of this when installed from the .deb, whose install script adds the profile; the AppImage cannot do that.',
  ].join('\n');
}

/** An AppArmor profile in /etc/apparmor.d that names this binary and grants userns. */
function hasUsernsProfile(electronBinary: string, probe: SandboxProbe): boolean {
  return probe
    .listDir('/etc/apparmor.d')
    .map((name) => probe.readFile(join('/etc/apparmor.d', name)) ?? '')
    .some((text) => text.includes(electronBinary) && /\buserns\b/.test(text));
}
