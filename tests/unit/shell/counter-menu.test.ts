import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { counterMenuTemplate, type CounterMenuActions } from '../../../electron/shell/main/counter-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function recorded() {
  const calls: string[] = [];
  const actions: CounterMenuActions = {
    installUpdateNow: () => calls.push('installUpdateNow'),
    checkForUpdates: () => calls.push('checkForUpdates'),
    exportLogsForIt: () => calls.push('exportLogsForIt'),
    openNowServing: () => calls.push('openNowServing'),
    reload: () => calls.push('reload'),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

describe('the counter desk menu', () => {
  it('offers the staff actions, with a shortcut for installing an update', () => {
    const { calls, actions } = recorded();
    const items = flatten(counterMenuTemplate(actions, true));
    const byLabel = (label: string) => items.find((item) => item.label === label);
    expect(byLabel('Update nu installeren')?.accelerator).toBe('CmdOrCtrl+Shift+U');
    for (const label of ['Update nu installeren', 'Zoeken naar updates', 'Logboek exporteren voor IT…', 'Wachtruimtescherm openen', 'Opnieuw laden', 'Afsluiten']) {
      const click = byLabel(label)?.click as (() => void) | undefined;
      click?.();
    }
    expect(calls).toEqual(['installUpdateNow', 'checkForUpdates', 'exportLogsForIt', 'openNowServing', 'reload', 'quit']);
  });

  it('lets staff zoom for readability and has no reload shortcut that could wipe a form', () => {
    const items = flatten(counterMenuTemplate(recorded().actions, true));
    expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'copy', 'paste']));
    expect(items.find((item) => item.label === 'Opnieuw laden')?.accelerator).toBeUndefined();
  });

  it('has dev tools only in development builds', () => {
    const roles = (packaged: boolean) => flatten(counterMenuTemplate(recorded().actions, packaged)).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });
});
