// Stand-ins for the Electron objects the shell's security code is handed, so that code runs under
// Node (no Electron binary here) and each test asserts what it does, not how it is written. Each
// fake does what Electron does at that seam and no more: it records the listeners and handlers the
// shell installs, and fires them the way Chromium would before a navigation, a window.open, a
// permission prompt or an IPC call.
import type { BrowserWindowConstructorOptions, CustomScheme, HandlerDetails, IpcMain, IpcMainInvokeEvent, MediaAccessPermissionRequest, PermissionRequest, Protocol, Rectangle, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import type { WindowKit } from '../../../electron/shell/main/create-window';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped = (...args: never[]): unknown => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends FakeEmitter {
  private openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }

  /** Whether a navigation goes ahead: Electron asks the listeners and goes only if none prevented it. */
  navigate(url: string): boolean {
    return this.allowed('will-navigate', url);
  }

  redirect(url: string): boolean {
    return this.allowed('will-redirect', url);
  }

  attachWebview(): boolean {
    return this.allowed('will-attach-webview', {}, { src: 'https://evil.example/' });
  }

  /** Without a handler Electron opens the window, so a missing handler answers 'allow'. */
  windowOpen(url: string, disposition: HandlerDetails['disposition'] = 'new-window'): WindowOpenHandlerResponse {
    const details: HandlerDetails = { url, frameName: '', features: '', disposition, referrer: { url: 'app://bundle/index.html', policy: 'strict-origin-when-cross-origin' } };
    return this.openHandler ? this.openHandler(details) : { action: 'allow' };
  }

  private allowed(event: string, ...args: unknown[]): boolean {
    const e = new FakeEvent();
    this.emit(event, e, ...args);
    return !e.defaultPrevented;
  }
}

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0];
export type PermissionName = Parameters<NonNullable<CheckHandler>>[1];

/** Electron's default, when the app installs no handler, is to grant: so does this fake. */
export class FakeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> {
  private requestHandler: RequestHandler = null;
  private checkHandler: CheckHandler = null;
  private deviceHandler: DeviceHandler = null;

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: DeviceHandler): void {
    this.deviceHandler = handler;
  }

  /** A page asks, e.g. getUserMedia(); resolves with what the handler decided. */
  request(permission: PermissionName, requestingUrl = 'app://bundle/index.html', media?: { mediaTypes: MediaAccessPermissionRequest['mediaTypes']; isMainFrame?: boolean }): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    const details: PermissionRequest | MediaAccessPermissionRequest = media
      ? { requestingUrl, isMainFrame: media.isMainFrame ?? true, mediaTypes: media.mediaTypes, securityOrigin: new URL(requestingUrl).origin }
      : { requestingUrl, isMainFrame: true };
    return new Promise((resolve) => handler(new FakeWebContents() as unknown as WebContents, permission, resolve, details));
  }

  check(permission: PermissionName, requestingOrigin = 'app://bundle', mediaType?: 'video' | 'audio' | 'unknown'): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(null, permission, requestingOrigin, mediaType ? { isMainFrame: true, mediaType } : { isMainFrame: true });
  }

  device(deviceType: 'hid' | 'serial' | 'usb', origin = 'app://bundle'): boolean {
    if (!this.deviceHandler) return true;
    return this.deviceHandler({ deviceType, origin, device: { deviceId: '1', name: 'Scanner' } } as Parameters<NonNullable<DeviceHandler>>[0]);
  }
}

/** Who calls, as the main process sees it: the frame that sent the message and its web contents. */
export interface FakeSender {
  frameUrl: string | null;
  webContentsId?: number;
}

type InvokeListener = Parameters<IpcMain['handle']>[1];

/** ipcMain.handle() and the renderer's invoke(), as votingworks/kiosk-browser fakes them in its tests. */
export class FakeIpcMain implements Pick<IpcMain, 'handle'> {
  readonly channels = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.channels.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.channels.set(channel, listener);
  }

  async invoke(from: FakeSender, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.channels.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { senderFrame: from.frameUrl === null ? null : { url: from.frameUrl }, sender: { id: from.webContentsId ?? 1 } };
    return (await listener(event as unknown as IpcMainInvokeEvent, ...args)) as unknown;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  maximized = false;
  menuRemoved = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }

  show(): void {
    this.shown = true;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getBounds(): Rectangle {
    const { x = 0, y = 0, width = 800, height = 600 } = this.options;
    return { x, y, width, height };
  }

  getNormalBounds(): Rectangle {
    return this.getBounds();
  }

  setMenu(menu: null): void {
    this.menuRemoved = menu === null;
  }

  /** Alt+F4, the title bar's cross or the OS asks the window to close: true if it goes. */
  close(): boolean {
    const event = new FakeEvent();
    this.emit('close', event);
    return !event.defaultPrevented;
  }
}

export interface FakeDisplay {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

/** Electron's BrowserWindow class and screen, with every window built kept for the test to inspect. */
export function fakeWindowKit(displays: FakeDisplay[]): { kit: WindowKit<FakeBrowserWindow>; windows: FakeBrowserWindow[] } {
  const windows: FakeBrowserWindow[] = [];
  class RecordedWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
    }
  }
  const screen: WindowKit<FakeBrowserWindow>['screen'] = {
    getAllDisplays: () => displays,
    getDisplayMatching: (rect) => displays.find((d) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width) ?? { id: displays[0]?.id ?? 0 },
  };
  return { kit: { BrowserWindow: RecordedWindow, screen }, windows };
}

type SchemeHandler = Parameters<Protocol['handle']>[1];

/** Electron's protocol module: the privileged schemes and the one handler per scheme. */
export class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, SchemeHandler>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: SchemeHandler): void {
    this.handlers.set(scheme, handler);
  }

  /** The page requests a URL, as Chromium hands it to the scheme's handler. */
  async request(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No handler for ${url}`);
    return handler(new Request(url));
  }
}
