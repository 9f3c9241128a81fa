import { createContext, useContext, type Dispatch } from 'react';
import type { Trajectory } from '../../../../shared/content/pack-schema';

/**
 * Everything a visitor has typed or chosen. It lives only in React state under the visit's key:
 * the idle wipe and "Stop and erase" drop the whole tree, so nothing of it survives.
 */
export interface VoucherDraft {
  trajectory: Trajectory | null;
  providerId: string | null;
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}

export interface VisitState {
  voucher: VoucherDraft;
}

export const emptyVisit: VisitState = {
  voucher: { trajectory: null, providerId: null, name: '', email: '', phone: '', consent: false },
};

export type VisitAction = { type: 'voucher'; patch: Partial<VoucherDraft> } | { type: 'clearVoucher' };

export function visitReducer(state: VisitState, action: VisitAction): VisitState {
  switch (action.type) {
    case 'voucher':
      return { ...state, voucher: { ...state.voucher, ...action.patch } };
    case 'clearVoucher':
      return { ...state, voucher: emptyVisit.voucher };
  }
}

export const VisitContext = createContext<{ visit: VisitState; dispatch: Dispatch<VisitAction> } | null>(null);

export function useVisit(): { visit: VisitState; dispatch: Dispatch<VisitAction> } {
  const value = useContext(VisitContext);
  if (!value) throw new Error('useVisit() outside a visit');
  return value;
}
