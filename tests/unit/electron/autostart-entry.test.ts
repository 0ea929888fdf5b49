import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, quoteExecArg } from '../../../electron/main/login/autostart-entry';

describe('Linux autostart entry', () => {
  it('points Exec at the executable', () => {
    const entry = autostartDesktopEntry('/home/ana/Applications/Sidekick.AppImage');
    expect(entry).toContain('Exec=/home/ana/Applications/Sidekick.AppImage\n');
    expect(entry.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
  });
  it('passes the XWayland switch after the executable', () => {
    expect(autostartDesktopEntry('/opt/Sidekick/sidekick', ['--ozone-platform=x11'])).toContain(
      'Exec=/opt/Sidekick/sidekick --ozone-platform=x11\n',
    );
  });
  it('quotes paths with spaces and escapes what the spec reserves', () => {
    expect(quoteExecArg('/opt/My Apps/sidekick')).toBe('"/opt/My Apps/sidekick"');
    expect(quoteExecArg('/opt/$HOME/a"b')).toBe('"/opt/\\$HOME/a\\"b"');
    expect(autostartDesktopEntry('/opt/100% done/sidekick')).toContain('Exec="/opt/100%% done/sidekick"');
  });
  it('refuses a path that would inject another key', () => {
    expect(() => autostartDesktopEntry('/opt/x\nExec=/bin/evil')).toThrow('line break');
    expect(() => autostartDesktopEntry('/opt/x', ['a\nExec=/bin/evil'])).toThrow('line break');
  });
});
