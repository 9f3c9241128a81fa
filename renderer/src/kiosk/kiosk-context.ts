import { createContext, useContext } from 'react';
import type { AppInfo } from '../../../shared/contract/app-info';
import type { LanguageCode } from '../../../shared/contract/languages';
import type { Bridge } from '../bridge/bridge-client';
import type { Route } from './navigation/routes';

/** What every kiosk screen may use: the device facts, the contract, and the in-memory navigation. */
export interface KioskApi {
  info: AppInfo;
  bridge: Bridge;
  route: Route;
  go(route: Route): void;
  back(): void;
  home(): void;
  /** Replaces the whole path (after a confirmed request, "back" must not reopen the form). */
  reset(routes: readonly Route[]): void;
  chooseLanguage(language: LanguageCode): void;
  /** The visitor is done: one optional feedback question (once per visit), then erase the visit and return to the welcome screen. */
  finish(): void;
  /** Erase the visit now, without the feedback question (after it was answered or skipped). */
  erase(): void;
  /** Opens the "ask a staff member" dialog; every error message offers it. */
  askStaff(): void;
}

export const KioskContext = createContext<KioskApi | null>(null);

export function useKiosk(): KioskApi {
  const api = useContext(KioskContext);
  if (!api) throw new Error('useKiosk() outside the kiosk');
  return api;
}
