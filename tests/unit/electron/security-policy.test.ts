import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/ipc/sender-guard';
import { externalUrl, isAppUrl } from '../../../electron/main/security/url-policy';
import {
  allowNavigation,
  allowPermission,
  windowOpenDecision,
} from '../../../electron/main/security/web-contents-policy';
import { resolveAppAsset } from '../../../electron/main/security/app-asset-path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/content-security-policy';

const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('IPC sender guard', () => {
  it('accepts the app page in the top frame', () => {
    expect(isTrustedSender(frame('app://sidekick/index.html#/kudos'), null)).toBe(true);
  });
  it('refuses look-alikes that a prefix check would let through', () => {
    for (const url of [
      'app://sidekick.evil.example/',
      'app://sidekick@evil.example/',
      'app://evil/?app://sidekick/',
      'https://sidekick/',
      'file:///app/index.html',
      'not a url',
    ]) {
      expect(isTrustedSender(frame(url), null), url).toBe(false);
    }
  });
  it('refuses subframes and missing frames', () => {
    expect(isTrustedSender(frame('app://sidekick/index.html', {}), null)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, null)).toBe(false);
  });
  it('allows the dev server only when one is configured and only on localhost', () => {
    expect(isTrustedSender(frame('http://localhost:5173/'), null)).toBe(false);
    expect(isTrustedSender(frame('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(frame('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://example.com/', 'http://example.com')).toBe(false);
  });
});

describe('external links', () => {
  it('opens parsed http(s) URLs only', () => {
    expect(externalUrl('https://help.example.com/tickets/4711')).toBe(
      'https://help.example.com/tickets/4711',
    );
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://share/x',
      'https://user:pw@example.com/',
      42,
      null,
    ]) {
      expect(externalUrl(bad), String(bad)).toBeNull();
    }
  });
  it('denies every new window and navigation away from the app, and every permission', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({
      action: 'deny',
      openExternally: 'https://example.com/',
    });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
    expect(allowNavigation('https://evil.example/', null)).toBe(false);
    expect(allowNavigation('app://sidekick/index.html', null)).toBe(true);
    expect(allowPermission('media')).toBe(false);
  });
});

describe('app:// protocol paths', () => {
  const root = '/opt/sidekick/renderer';
  it('maps app pages into the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://sidekick/')).toBe('/opt/sidekick/renderer/index.html');
    expect(resolveAppAsset(root, 'app://sidekick/assets/index-abc.js?v=1')).toBe(
      '/opt/sidekick/renderer/assets/index-abc.js',
    );
  });
  it('never leaves the folder', () => {
    // URL parsing folds plain and %2e dot segments into the root…
    for (const url of ['app://sidekick/../../etc/passwd', 'app://sidekick/%2e%2e/%2e%2e/etc/passwd']) {
      expect(resolveAppAsset(root, url), url).toBe('/opt/sidekick/renderer/etc/passwd');
    }
    // …and what would survive parsing (encoded slashes, backslashes, NUL, another host) is refused.
    for (const url of [
      'app://sidekick/..%2f..%2fetc%2fpasswd',
      'app://sidekick/a%5c..%5c..%5cx',
      'app://other/index.html',
      'app://sidekick/%00',
    ]) {
      expect(resolveAppAsset(root, url), url).toBeNull();
    }
  });
});

describe('content security policy', () => {
  it('allows scripts only from the app, and fetches only of its own files', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
