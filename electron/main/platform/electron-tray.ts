import { Menu, Tray, nativeImage } from 'electron';
import { join } from 'node:path';
import type { Point, Rect } from '../popover/popover-position';
import type { TrayCommand, TrayMenuItem, TrayView } from '../tray/tray-controller';
import { isTemplateIcon, trayMenuAttachment } from '../tray/tray-interaction';

/** Maps the tray controller's plain description onto Electron's Tray and Menu. */
export function createElectronTray(
  iconDir: string,
  initialIcon: string,
  onCommand: (command: TrayCommand) => void,
  onClick: (bounds: Rect, position: Point | null) => void,
) {
  const image = (file: string) => {
    const img = nativeImage.createFromPath(join(iconDir, file));
    if (isTemplateIcon(file)) img.setTemplateImage(true);
    return img;
  };
  const tray = new Tray(image(initialIcon));
  const attachment = trayMenuAttachment(process.platform);
  let menu: Electron.Menu | null = null;
  tray.on('click', (_event, bounds, position) => onClick(bounds, position ?? null));
  if (attachment === 'right-click-pop-up')
    tray.on('right-click', () => {
      if (menu) tray.popUpContextMenu(menu);
    });
  const view: TrayView = {
    setImage: (file) => tray.setImage(image(file)),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (text) => {
      if (process.platform === 'darwin') tray.setTitle(text);
    },
    setMenu: (items: TrayMenuItem[]) => {
      menu = Menu.buildFromTemplate(
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
      );
      if (attachment === 'attached') tray.setContextMenu(menu);
    },
  };
  return { tray, view };
}
