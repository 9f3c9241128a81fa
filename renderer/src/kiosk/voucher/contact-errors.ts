import { ContactDetails } from '../../../../shared/contract/requests-channels';
import type { VoucherDraft } from '../visit/visit-context';

export type ContactProblem = 'nameMissing' | 'reachMissing' | 'emailInvalid' | 'phoneInvalid';

/** The typed fields as the contract wants them: empty means "not given". */
export function contactFrom(draft: Pick<VoucherDraft, 'name' | 'email' | 'phone'>): { name: string; email?: string; phone?: string } {
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  return { name: draft.name.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/**
 * Checks the fields with the contract's own schema (one source of truth) and names each problem
 * per field, so the screen can say it in the visitor's language next to that field.
 */
export function contactProblems(draft: Pick<VoucherDraft, 'name' | 'email' | 'phone'>): Partial<Record<'name' | 'email' | 'phone', ContactProblem>> {
  const contact = contactFrom(draft);
  const result = ContactDetails.safeParse(contact);
  if (result.success) return {};
  const problems: Partial<Record<'name' | 'email' | 'phone', ContactProblem>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === 'name') problems.name = 'nameMissing';
    else if (field === 'phone') problems.phone = 'phoneInvalid';
    else if (field === 'email') problems.email = contact.email === undefined && contact.phone === undefined ? 'reachMissing' : 'emailInvalid';
  }
  return problems;
}
