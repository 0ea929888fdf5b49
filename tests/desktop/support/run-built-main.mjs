// Preloaded with `node --import` before an app's out/main/index.js, in plain Node (no vitest, no bundler):
// routes `electron` to the fake, points the fake at the app folder (the repo, or an unpacked app.asar),
// and once the app has started writes what it saw to SIDEKICK_REPORT: the app:// scheme registered before
// ready, the window's preload, the tray images, and every file of renderer/dist fetched through the app://
// handler the app installed (with the files index.html references named).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const { SIDEKICK_FAKE_ELECTRON, SIDEKICK_APP_DIR, SIDEKICK_PACKAGED, SIDEKICK_REPORT } = process.env;
const fakeUrl = pathToFileURL(SIDEKICK_FAKE_ELECTRON).href;
register(new URL('./electron-resolve-hook.mjs', import.meta.url), { data: { fakeUrl } });
const fake = await import(fakeUrl);
fake.configureFakeApp({ appPath: SIDEKICK_APP_DIR, isPackaged: SIDEKICK_PACKAGED === '1' });
const { recorded } = fake;

const deadline = Date.now() + 30_000;
const started = () => recorded.loadedUrl && recorded.protocolHandler && recorded.trays.length > 0;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

async function report() {
  const dist = join(SIDEKICK_APP_DIR, 'renderer', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map(
    (m) => new URL(m[1], 'app://sidekick/index.html').href,
  );
  const urls = [
    ...new Set([
      'app://sidekick/index.html',
      ...referenced,
      ...filesUnder(dist).map((f) => `app://sidekick/${relative(dist, f).split('\\').join('/')}`),
    ]),
  ];
  const assets = [];
  for (const url of urls) {
    const response = await recorded.protocolHandler({ url });
    const body = new Uint8Array(await response.arrayBuffer());
    const file = join(dist, decodeURIComponent(new URL(url).pathname));
    assets.push({
      url,
      referencedByIndex: referenced.includes(url),
      status: response.status,
      contentType: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      sameBytesAsFile: existsSync(file) && statSync(file).size === body.length,
    });
  }
  return {
    schemes: recorded.schemes,
    sandboxEnabled: recorded.sandboxEnabled,
    sandboxEnabledBeforeReady: recorded.sandboxEnabledBeforeReady,
    loadedUrl: recorded.loadedUrl,
    preloadPath: recorded.preloadPath,
    preloadExists: existsSync(recorded.preloadPath),
    preloadInsideApp: !relative(SIDEKICK_APP_DIR, recorded.preloadPath).startsWith('..'),
    webPreferences: recorded.windowOptions?.webPreferences ?? null,
    trayImages: recorded.trayImages.map((img) => ({ ...img, exists: existsSync(img.path) })),
    applicationMenu: recorded.applicationMenu === undefined ? 'not set' : recorded.applicationMenu,
    protocolClients: recorded.protocolClients,
    appUserModelIds: recorded.appUserModelIds,
    ipcChannels: [...recorded.handlers.keys()],
    appListeners: Object.fromEntries(
      [
        'activate',
        'second-instance',
        'open-url',
        'before-quit',
        'window-all-closed',
        'web-contents-created',
      ].map((event) => [event, fake.app.listenerCount(event)]),
    ),
    assets,
  };
}

const timer = setInterval(() => {
  if (!started() && Date.now() < deadline) return;
  clearInterval(timer);
  const done = started()
    ? report()
    : Promise.resolve({ error: 'the app did not create its window, tray and app:// handler within 30 s' });
  done
    .then((result) => writeFileSync(SIDEKICK_REPORT, JSON.stringify(result, null, 2)))
    .catch((error) =>
      writeFileSync(SIDEKICK_REPORT, JSON.stringify({ error: String(error?.stack ?? error) })),
    )
    .finally(() => process.exit(0));
}, 50);
