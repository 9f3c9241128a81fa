import type { MenuItemConstructorOptions } from 'electron';

export interface CounterMenuActions {
  installUpdateNow(): void;
  checkForUpdates(): void;
  exportLogsForIt(): void;
  openNowServing(): void;
  reload(): void;
  quit(): void;
}

/**
 * The counter desk's menu: staff actions with shortcuts, zoom for readability (WCAG 1.4.4), and
 * the IT corner. Dev tools only in development builds. Free of runtime Electron imports, so the
 * template is tested under plain Node and handed to Menu.buildFromTemplate by the shell.
 */
export function counterMenuTemplate(actions: CounterMenuActions, packaged: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    // No shortcut: a stray F5 must not wipe a half-filled form; the menu item is deliberate.
    { label: 'Opnieuw laden', click: () => actions.reload() },
    { type: 'separator' },
    { label: 'Wachtruimtescherm openen', click: () => actions.openNowServing() },
    { type: 'separator' },
    { label: 'Groter', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: 'Kleiner', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
    { label: 'Normale grootte', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
    { type: 'separator' },
    { label: 'Volledig scherm', role: 'togglefullscreen', accelerator: 'F11' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { label: 'Ontwikkelhulpmiddelen', role: 'toggleDevTools' });
  return [
    {
      label: 'Balie',
      submenu: [{ label: 'Afsluiten', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }],
    },
    {
      label: 'Bewerken',
      submenu: [
        { label: 'Ongedaan maken', role: 'undo' },
        { label: 'Opnieuw', role: 'redo' },
        { type: 'separator' },
        { label: 'Knippen', role: 'cut' },
        { label: 'Kopiëren', role: 'copy' },
        { label: 'Plakken', role: 'paste' },
        { label: 'Alles selecteren', role: 'selectAll' },
      ],
    },
    { label: 'Beeld', submenu: view },
    {
      label: 'Updates',
      submenu: [
        { label: 'Zoeken naar updates', click: () => actions.checkForUpdates() },
        { label: 'Update nu installeren', accelerator: 'CmdOrCtrl+Shift+U', click: () => actions.installUpdateNow() },
      ],
    },
    {
      label: 'IT',
      submenu: [{ label: 'Logboek exporteren voor IT…', click: () => actions.exportLogsForIt() }],
    },
  ];
}
