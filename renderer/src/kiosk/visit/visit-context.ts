import { createContext, useContext, type Dispatch } from 'react';
import type { EligibilitySnapshot, TicketTakeResult, VoucherStartResult } from '../../../../shared/contract/requests-channels';
import type { Trajectory } from '../../../../shared/domain/trajectory';
import type { Answers } from '../../../../shared/eligibility/outcome-schema';
import type { ScanAnswer } from '../../../../shared/self-scan/riasec';
import type { InvitationCheck } from '../../../../shared/contract/invitations-channels';

/** A letter the core accepted: its welcome and paths, in this visit only (never the code). */
export type AcceptedInvitation = Extract<InvitationCheck, { status: 'valid' }>;

/** A provider the visitor chose, with the trajectories it offers: another trajectory drops it. */
export interface ChosenProvider {
  id: string;
  name: string;
  services: readonly Trajectory[];
}

/**
 * Everything a visitor has typed or chosen. It lives only in React state under the visit's key:
 * the idle wipe and "Stop and erase" drop the whole tree, so nothing of it survives.
 */
export interface VoucherDraft {
  trajectory: Trajectory | null;
  /** The visitor's own choice of provider ("eigen regie"), or null: they may choose later. */
  provider: ChosenProvider | null;
  name: string;
  email: string;
  phone: string;
  /** When the visitor said yes; the request records it with the purpose. */
  consentAt: string | null;
}

export interface VisitState {
  /** A random id for this visit only, so the core counts one feedback answer per visit; never stored. */
  id: string;
  voucher: VoucherDraft;
  /** The confirmed request: only its reference stays on screen, never the personal details. */
  started: Pick<VoucherStartResult, 'reference' | 'trajectory' | 'printJobId'> | null;
  ticket: TicketTakeResult | null;
  /** What the visitor typed in the information search. */
  searchText: string;
  /** The answers to the eligibility questions: kept only for this visit, never stored. */
  answers: Answers;
  /** The decided outcome of the eligibility check in this visit, sent along with a request. */
  eligibility: EligibilitySnapshot | null;
  /** The self-scan's answers, by statement id: this visit only, sent to the core once for the result. */
  scan: Record<string, ScanAnswer>;
  invitation: AcceptedInvitation | null;
  /** The check said "no" once in this visit: starting it again first says why it may not help. */
  refused: boolean;
}

export const emptyVisit: VisitState = {
  id: '',
  voucher: { trajectory: null, provider: null, name: '', email: '', phone: '', consentAt: null },
  started: null,
  ticket: null,
  answers: {},
  eligibility: null,
  refused: false,
  searchText: '',
  scan: {},
  invitation: null,
};

export type VisitAction =
  | { type: 'voucher'; patch: Partial<VoucherDraft> }
  | { type: 'started'; result: VoucherStartResult }
  | { type: 'ticket'; ticket: TicketTakeResult }
  | { type: 'answers'; answers: Answers }
  | { type: 'eligibility'; snapshot: EligibilitySnapshot | null }
  | { type: 'search'; text: string }
  | { type: 'scan'; answers: Record<string, ScanAnswer> }
  | { type: 'invitation'; invitation: AcceptedInvitation };

/** A new visit: empty, with its own random id. */
export const newVisit = (): VisitState => ({ ...emptyVisit, id: crypto.randomUUID() });

export function visitReducer(state: VisitState, action: VisitAction): VisitState {
  switch (action.type) {
    case 'voucher':
      return { ...state, voucher: { ...state.voucher, ...action.patch } };
    case 'started':
      // The draft goes as soon as the core has the request: personal data only while it is being entered.
      return { ...state, voucher: emptyVisit.voucher, started: { reference: action.result.reference, trajectory: action.result.trajectory, printJobId: action.result.printJobId } };
    case 'ticket':
      return { ...state, ticket: action.ticket };
    case 'answers':
      return { ...state, answers: action.answers };
    case 'eligibility':
      return { ...state, eligibility: action.snapshot, refused: state.refused || action.snapshot?.outcome === 'notEligible' };
    case 'search':
      return { ...state, searchText: action.text };
    case 'scan':
      return { ...state, scan: action.answers };
    case 'invitation':
      // The letter answers some questions already: the eligibility check starts from those.
      return { ...state, invitation: action.invitation, answers: { ...action.invitation.preAnswers, ...state.answers } };
  }
}

export const VisitContext = createContext<{ visit: VisitState; dispatch: Dispatch<VisitAction> } | null>(null);

export function useVisit(): { visit: VisitState; dispatch: Dispatch<VisitAction> } {
  const value = useContext(VisitContext);
  if (!value) throw new Error('useVisit() outside a visit');
  return value;
}
