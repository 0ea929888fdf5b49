import type { Snapshot } from '../api/snapshot';
import { FEED_PAGE_MAX, LIVE_END, type FeedEntry } from '../api/feed';
import type { ClientState } from '../ipc/contract';
import { applyFeedEntries } from './apply-feed-entry';
import { createRetryTimer, DEFAULT_BACKOFF } from './backoff';
import { createClientStorage } from './client-storage';
import { openLiveConnection, type LiveConnection } from './live-connection';
import { createOutbox } from './outbox';
import type { SyncDeps } from './ports';
import { createServerApi, normaliseServerUrl, SyncRequestError, type FeedPageEnvelope } from './server-api';
import { checkFeedEntries, peekNextCursor } from './feed-page-check';
import { createListeners } from './listeners';
import type { SyncClient, SyncConfig } from './sync-client-api';

export type { SyncClient, SyncConfig } from './sync-client-api';

/** How often a client honours a server's "reconnect now" without backoff. */
const IMMEDIATE_RECONNECT_EVERY_MS = 5_000;

/**
 * Snapshot → catch-up from the cursor → live socket, again after every reconnect. Entries are applied only
 * when they are the next seq (per-person seqs are contiguous): an older one is a replay and is skipped, a
 * newer one means something was missed, so the socket is dropped and the gap filled from /api/me/feed.
 */
export function createSyncClient(deps: SyncDeps, config: SyncConfig): SyncClient {
  const log = deps.log ?? (() => undefined);
  const serverUrl = normaliseServerUrl(config.serverUrl);
  const api = createServerApi(deps.http, serverUrl, config.token);
  const storage = createClientStorage(deps.storage, config.storagePrefix ?? 'sidekick.', log);
  const backoff = config.backoff ?? DEFAULT_BACKOFF;
  const reconnectTimer = createRetryTimer(deps.clock, deps.random, backoff);
  const pageSize = config.feedPageSize ?? FEED_PAGE_MAX;
  const heartbeatTimeoutMs = config.heartbeatTimeoutMs ?? 45_000;
  const stateListeners = createListeners<ClientState>(log);
  const entryListeners = createListeners<FeedEntry>(log);

  let snapshot: Snapshot | null = null;
  /** The server said the snapshot no longer matches it (cursor ahead, role or teams changed): fetch a new one. */
  let needFresh = false;
  let lastContactAt: number | null = null;
  let connection: ClientState['connection'] = 'connecting';
  let lastError: string | null = null;
  /** Serving data the server has not confirmed in this run: loaded from the cache, or the connection dropped. */
  let stale = false;
  let pending = 0;
  let live: LiveConnection | null = null;
  /** Bumped on every (re)connect and stop, so late answers of an abandoned attempt are ignored. */
  let generation = 0;
  let stopped = false;
  let lastImmediateAt = Number.NEGATIVE_INFINITY;
  let state = buildState();

  function buildState(): ClientState {
    const showStale = stale && connection !== 'online' && snapshot !== null && lastContactAt !== null;
    return {
      connection,
      snapshot,
      staleSince: showStale ? new Date(lastContactAt ?? 0).toISOString() : null,
      pendingActions: pending,
      lastError,
    };
  }
  function changed() {
    state = buildState();
    stateListeners.emit(state);
  }
  const saveCache = () =>
    snapshot ? storage.saveCache({ version: 1, serverUrl, snapshot, lastContactAt }) : Promise.resolve();
  const contact = () => {
    lastContactAt = deps.clock.now();
  };

  const outbox = createOutbox({
    storage,
    retry: createRetryTimer(deps.clock, deps.random, backoff),
    newKey: deps.newKey,
    now: () => deps.clock.now(),
    log,
    api: () => api,
    onChange(size) {
      if (size === pending) return;
      pending = size;
      changed();
    },
    onRejected(item, error) {
      lastError = `Could not ${item.action.kind}: ${error.message}`;
      changed();
    },
    onUnauthorized: (error) => signedOutByServer(error),
  });

  function signedOutByServer(error: SyncRequestError) {
    generation += 1;
    live?.close('token refused');
    live = null;
    reconnectTimer.cancel();
    connection = 'signed_out';
    lastError = error.message;
    changed();
  }

  /**
   * Applies the entries that follow the cursor, in one pass (a catch-up page of thousands folds at once);
   * entries at or below the cursor are replays and skipped. Returns false on a gap: what came before it is
   * applied, the caller must fill the gap before going on.
   */
  function accept(entries: readonly FeedEntry[]): boolean {
    if (!snapshot) return false;
    const run: FeedEntry[] = [];
    let next = snapshot.cursor;
    let gap = false;
    for (const entry of entries) {
      if (entry.seq <= next) continue;
      if (entry.seq !== next + 1) {
        gap = true;
        break;
      }
      run.push(entry);
      next = entry.seq;
    }
    snapshot = applyFeedEntries(snapshot, run);
    for (const entry of run) entryListeners.emit(entry);
    return !gap;
  }

  /**
   * Pages through the feed from the cursor. Each page's envelope says where the next one starts, so the next
   * request goes out before this page's entries are checked and folded: the server reads page n + 1 while the
   * client works on page n. A page that does not end where the fold did (a gap) drops the request made ahead.
   */
  async function catchUp(gen: number) {
    let ahead: { after: number; page: Promise<FeedPageEnvelope> } | null = null;
    /** The `after` of the page being awaited: only its text may ask ahead (not one dropped after a gap). */
    let awaited: number | null = null;
    const request = (after: number) => {
      const page = api.getFeed(after, pageSize, (text) => {
        // The next page is asked for off the end of this one's text, before it is parsed (a hint, checked below).
        const next = peekNextCursor(text);
        if (next !== null && next > after && awaited === after && !ahead && gen === generation)
          ahead = request(next);
      });
      // Read below, or dropped unread after a gap: either way not an unhandled rejection.
      page.catch(() => undefined);
      return { after, page };
    };
    const askedAhead = () => ahead;
    for (;;) {
      if (!snapshot || needFresh) {
        ahead = null;
        snapshot = await api.getSnapshot();
        needFresh = false;
        contact();
      }
      const current: { after: number; page: Promise<FeedPageEnvelope> } =
        ahead?.after === snapshot.cursor ? ahead : request(snapshot.cursor);
      ahead = null;
      awaited = current.after;
      let page;
      try {
        page = await current.page;
      } catch (error) {
        // The cursor is past the server's feed (a restore, a failover): the entries we are waiting for will never
        // come under these seqs. Start over from a snapshot; the one on screen stays until the new one is here.
        if (error instanceof SyncRequestError && error.code === LIVE_END.cursorAhead.error) {
          log('info', `sync: ${error.message}`);
          needFresh = true;
          continue;
        }
        throw error;
      }
      awaited = null;
      if (gen !== generation) return;
      contact();
      // What this page's text asked for ahead (set while it was awaited) stands only if the envelope agrees.
      if (askedAhead()?.after !== page.cursor) ahead = null;
      if (!askedAhead() && page.hasMore && page.cursor > current.after) ahead = request(page.cursor);
      const gap = !accept(checkFeedEntries(page.entries));
      // The feed no longer has what we missed (or it is out of order): start over from a fresh snapshot.
      if (gap) snapshot = null;
      else if (!page.hasMore) break;
    }
    changed();
  }

  async function connect(gen: number) {
    if (gen !== generation || stopped) return;
    connection = 'connecting';
    changed();
    try {
      await catchUp(gen);
    } catch (error) {
      if (gen !== generation) return;
      const failure =
        error instanceof SyncRequestError ? error : new SyncRequestError(String(error), 0, 'unknown');
      if (failure.unauthorized) return signedOutByServer(failure);
      return dropped(gen, failure.message);
    }
    if (gen !== generation || !snapshot) return;
    // The caught-up snapshot is saved once, after the hello (or when the socket ends, if that comes first):
    // writing a few MB of JSON before the socket opens would hold back the auth message by as long. A cache that
    // cannot be written is only a slower next start.
    let unsaved = true;
    const saveCaughtUp = () => {
      if (!unsaved) return;
      unsaved = false;
      saveCache().catch((error: unknown) => log('warn', `sync: could not save the cache: ${String(error)}`));
    };
    live = openLiveConnection({
      url: api.liveUrl(),
      token: config.token,
      after: snapshot.cursor,
      heartbeatTimeoutMs,
      openSocket: deps.openSocket,
      clock: deps.clock,
      events: {
        onContact: contact,
        onHello(personId) {
          if (gen !== generation) return;
          if (snapshot && snapshot.person.id !== personId) {
            snapshot = null; // the token belongs to someone else now: refetch everything
            return reconnectSoon(gen, 'the server reports a different person');
          }
          connection = 'online';
          stale = false;
          lastError = null;
          reconnectTimer.reset();
          changed();
          // After the listeners heard "online" (a microtask later): the write does not hold back what they do
          // with it. A stop or reconnect before it ends the socket, whose close saves it first.
          void Promise.resolve().then(() => {
            if (gen === generation) saveCaughtUp();
          });
          void outbox.flush();
        },
        onEntries(entries) {
          if (gen !== generation) return;
          if (!accept(entries))
            return reconnectSoon(gen, `missed entries before seq ${entries.at(-1)?.seq ?? '?'}`);
          unsaved = false;
          void saveCache();
          changed();
        },
        onClosed(reason, end) {
          saveCaughtUp();
          if (gen !== generation) return;
          if (end === 'signed_out')
            return signedOutByServer(new SyncRequestError(reason, 401, LIVE_END.signedOut.error));
          if (end === 'resync') {
            needFresh = true;
            return reconnectSoon(gen, reason);
          }
          // A draining server asks for an immediate reconnect; at most once in a while, so a server that keeps
          // asking (a balancer still sending here) falls back to the backoff instead of a tight loop.
          const now = deps.clock.now();
          if (end === 'reconnect' && now - lastImmediateAt >= IMMEDIATE_RECONNECT_EVERY_MS) {
            lastImmediateAt = now;
            connection = 'offline';
            stale = true;
            changed();
            return reconnectSoon(gen, reason);
          }
          dropped(gen, reason);
        },
      },
    });
  }

  /** Lost the server: serve the last state as stale and come back with backoff and jitter. */
  function dropped(gen: number, reason: string) {
    if (gen !== generation || stopped) return;
    live = null;
    generation += 1;
    const next = generation;
    connection = 'offline';
    stale = true;
    lastError = reason;
    const ms = reconnectTimer.schedule(() => void connect(next));
    log('info', `sync: offline (${reason}); reconnecting in ${ms} ms`);
    changed();
  }

  function reconnectSoon(gen: number, reason: string) {
    if (gen !== generation) return;
    log('info', `sync: reconnecting now (${reason})`);
    generation += 1;
    const next = generation;
    live?.close(reason);
    live = null;
    reconnectTimer.now(() => void connect(next));
  }

  function stop() {
    stopped = true;
    generation += 1;
    live?.close('stopped');
    live = null;
    reconnectTimer.cancel();
    outbox.stop();
  }

  return {
    async start() {
      const cached = await storage.loadCache(serverUrl);
      if (cached && !snapshot) {
        snapshot = cached.snapshot;
        lastContactAt = cached.lastContactAt;
        stale = true;
      }
      await outbox.load();
      changed();
      void connect(generation);
    },
    async verify() {
      const fresh = await api.getSnapshot();
      const cached = await storage.loadCache(serverUrl);
      // Signing in as someone else on this device: the previous person's cache and outbox are not theirs.
      if (cached && cached.snapshot.person.id !== fresh.person.id) await storage.wipe();
      snapshot = fresh;
      contact();
      await saveCache();
      return fresh;
    },
    getState: () => state,
    subscribe: stateListeners.add,
    onEntry: entryListeners.add,
    async enqueue(action) {
      const item = await outbox.add(action);
      if (connection === 'online') await outbox.flush();
      return { key: item.key, queued: outbox.has(item.key) };
    },
    async request(method, path, body, schema) {
      try {
        return await api.call(method, path, body, schema, method === 'GET' ? undefined : deps.newKey());
      } catch (error) {
        if (error instanceof SyncRequestError && error.unauthorized) signedOutByServer(error);
        throw error;
      }
    },
    async resync() {
      if (stopped) return;
      generation += 1;
      live?.close('resync');
      live = null;
      reconnectTimer.cancel();
      reconnectTimer.reset();
      await connect(generation);
      void outbox.flush();
    },
    stop,
    async wipe() {
      stop();
      await storage.wipe();
      snapshot = null;
      lastContactAt = null;
      pending = 0;
      connection = 'signed_out';
      lastError = null;
      changed();
    },
  };
}
