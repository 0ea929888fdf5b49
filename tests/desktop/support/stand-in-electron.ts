import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where @electron/fuses looks in an Electron binary: this marker, then the wire's version, length, states. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron 45's fuse wire as it ships (electron/build/fuses/fuses.json5): run_as_node 1, cookie_encryption 0,
 * node_options 1, node_cli_inspect 1, embedded_asar_integrity_validation 0, only_load_app_from_asar 0,
 * load_browser_process_specific_v8_snapshot 0, grant_file_protocol_extra_privileges 1, wasm_trap_handlers 1.
 */
export const SHIPPED_FUSES = '101100011';

/**
 * A folder laid out like Electron's Linux x64 release zip, unpacked: the `electron` executable (here a
 * shell script carrying the fuse wire where the real binary has it), chrome-sandbox, resources/, locales/,
 * the licence files and `version`. electron-builder's `electronDist` takes such a folder instead of
 * downloading Electron, so packaging runs offline.
 */
export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.from([1, SHIPPED_FUSES.length, ...[...SHIPPED_FUSES].map((c) => c.charCodeAt(0))]);
  const script = Buffer.from(
    '#!/bin/sh\necho "stand-in Electron for packaging tests: it cannot run an app" >&2\nexit 1\n#',
  );
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([script, Buffer.from(FUSE_SENTINEL), wire, Buffer.from('\n')]),
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(dir, 'chrome-sandbox'), 0o755);
  writeFileSync(join(dir, 'chrome_crashpad_handler'), '#!/bin/sh\nexit 1\n');
  for (const file of [
    'resources.pak',
    'chrome_100_percent.pak',
    'chrome_200_percent.pak',
    'icudtl.dat',
    'snapshot_blob.bin',
    'v8_context_snapshot.bin',
    'libffmpeg.so',
  ])
    writeFileSync(join(dir, file), `stand-in ${file}\n`);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSE'), 'Electron licence (stand-in)\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>Chromium licences (stand-in)</p>\n');
  writeFileSync(join(dir, 'version'), `${version}\n`);
  return dir;
}
