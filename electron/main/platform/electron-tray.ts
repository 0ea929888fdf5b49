import { Menu, Tray, nativeImage } from 'electron';
import { join } from 'node:path';
import type { TrayCommand, TrayMenuItem, TrayView } from '../tray/tray-controller';

/** Maps the tray controller's plain description onto Electron's Tray and Menu. */
export function createElectronTray(
  iconDir: string,
  initialIcon: string,
  onCommand: (command: TrayCommand) => void,
  onClick: () => void,
) {
  const image = (file: string) => {
    const img = nativeImage.createFromPath(join(iconDir, file));
    if (file.endsWith('Template.png')) img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(image(initialIcon));
  tray.on('click', onClick);
  const view: TrayView = {
    setImage: (file) => tray.setImage(image(file)),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (text) => {
      if (process.platform === 'darwin') tray.setTitle(text);
    },
    setMenu: (items: TrayMenuItem[]) =>
      tray.setContextMenu(
        Menu.buildFromTemplate(
          items.map((item) =>
            item.type === 'separator'
              ? { type: 'separator' as const }
              : {
                  label: item.label,
                  type: item.checked === undefined ? ('normal' as const) : ('checkbox' as const),
                  checked: item.checked ?? false,
                  enabled: item.enabled ?? true,
                  click: () => onCommand(item.id),
                },
          ),
        ),
      ),
  };
  return { tray, view };
}
