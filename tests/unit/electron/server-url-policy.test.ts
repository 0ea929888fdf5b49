import { describe, expect, it } from 'vitest';
import { isLoopbackHost, serverUrlProblem } from '../../../electron/main/security/server-url-policy';

describe('which servers the desktop app sends its token to', () => {
  it('allows https anywhere and http only on this computer', () => {
    for (const url of [
      'https://sidekick.example.com',
      'https://10.0.0.5:8443/',
      'http://localhost:4100',
      'http://127.0.0.1:4100',
      'http://127.1.2.3/',
      'http://[::1]:4100',
      'http://LOCALHOST/',
    ])
      expect(serverUrlProblem(url), url).toBeNull();
  });

  it('refuses http elsewhere, look-alike hosts, credentials in the URL and other schemes', () => {
    for (const url of [
      'http://sidekick.example.com',
      'http://192.168.1.20:4100',
      'http://localhost.evil.example',
      'http://127.0.0.1.evil.example',
      'http://evil.example/127.0.0.1',
      'https://user:pass@sidekick.example.com',
      'http://127.0.0.1@evil.example',
      'ws://127.0.0.1',
      'ftp://127.0.0.1',
      'not a url',
    ])
      expect(serverUrlProblem(url), url).not.toBeNull();
  });

  it('parses loopback the way URL normalises it', () => {
    expect(isLoopbackHost(new URL('http://127.1/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://0x7f000001/').hostname)).toBe(true);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
