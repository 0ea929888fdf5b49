import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import { downloadFile, openExternalUrl } from '../../../renderer/src/host/browser-files';
import { browserStorage, newKey } from '../../../renderer/src/host/browser-ports';
import { browserSessionStore, browserSettingsStore } from '../../../renderer/src/host/browser-stores';

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('browser host adapters', () => {
  it('stores JSON values and reads back what it wrote, and nothing for garbage', async () => {
    const storage = browserStorage(localStorage, 'sidekick.');
    await storage.set('sync.outbox', [{ key: 'a', n: 1 }]);
    expect(await storage.get('sync.outbox')).toEqual([{ key: 'a', n: 1 }]);
    localStorage.setItem('sidekick.sync.cache', '{not json');
    expect(await storage.get('sync.cache')).toBeUndefined();
    await storage.delete('sync.outbox');
    expect(localStorage.getItem('sidekick.sync.outbox')).toBeNull();
  });

  it('keeps a valid session and treats a tampered one as signed out', async () => {
    const sessions = browserSessionStore(localStorage);
    await sessions.save({ serverUrl: 'http://127.0.0.1:4100', token: 'sk_agent_0123456789abcdef' });
    expect(await sessions.load()).toEqual({
      serverUrl: 'http://127.0.0.1:4100',
      token: 'sk_agent_0123456789abcdef',
    });
    localStorage.setItem(
      'sidekick.session',
      JSON.stringify({ serverUrl: 'javascript:alert(1)', token: 'sk_agent_0123456789abcdef' }),
    );
    expect(await sessions.load()).toBeNull();
    await sessions.clear();
    expect(localStorage.getItem('sidekick.session')).toBeNull();
  });

  it('falls back to default settings field by field', async () => {
    const settings = browserSettingsStore(localStorage);
    expect(await settings.load()).toEqual(DEFAULT_SETTINGS);
    localStorage.setItem('sidekick.settings', JSON.stringify({ focusMode: true }));
    expect(await settings.load()).toEqual({ ...DEFAULT_SETTINGS, focusMode: true });
    localStorage.setItem('sidekick.settings', JSON.stringify({ maxPopupsPerHour: 'lots' }));
    expect(await settings.load()).toEqual(DEFAULT_SETTINGS);
    await expect(settings.save({ ...DEFAULT_SETTINGS, maxPopupsPerHour: 99 })).rejects.toThrow();
  });

  it('opens only http(s) links, without an opener', () => {
    const open = vi.fn();
    openExternalUrl({ open } as unknown as Window, 'https://acme.zendesk.com/agent/tickets/1');
    expect(open).toHaveBeenCalledWith(
      'https://acme.zendesk.com/agent/tickets/1',
      '_blank',
      'noopener,noreferrer',
    );
    expect(() => openExternalUrl({ open } as unknown as Window, 'javascript:alert(1)')).toThrow();
    expect(() => openExternalUrl({ open } as unknown as Window, 'file:///etc/passwd')).toThrow();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('saves a file as a download with a safe name', () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    URL.createObjectURL = vi.fn(() => 'blob:http://localhost/1');
    URL.revokeObjectURL = vi.fn();
    expect(
      downloadFile(document, {
        suggestedName: 'maya/portfolio.json',
        mimeType: 'application/json',
        base64: btoa('{}'),
      }),
    ).toEqual({ saved: true });
    expect(clicked[0]?.download).toBe('maya-portfolio.json');
    expect(clicked[0]?.href).toBe('blob:http://localhost/1');
    expect(() =>
      downloadFile(document, { suggestedName: 'x.exe', mimeType: 'application/x-msdownload', base64: '' }),
    ).toThrow();
  });

  it('makes idempotency keys that look like v4 UUIDs, also outside a secure context', () => {
    const key = newKey(window);
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newKey(window)).not.toBe(key);
  });
});
