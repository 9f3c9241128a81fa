import { ReminderPhone } from '../../../../shared/contract/appointments-channels';

export interface ContactDraft {
  firstName: string;
  reminder: boolean;
  phone: string;
}

export const emptyContact: ContactDraft = { firstName: '', reminder: false, phone: '' };

/** The least contact data that works: a first name or nothing; a phone number only for a reminder. */
export function contactInput(draft: ContactDraft): { firstName?: string; phone?: string } {
  const firstName = draft.firstName.trim();
  return { ...(firstName ? { firstName } : {}), ...(draft.reminder && draft.phone.trim() ? { phone: draft.phone.trim() } : {}) };
}

/** What is wrong with the draft, as a key under appointments.contact; null when it can be sent. */
export function contactProblem(draft: ContactDraft): 'phoneMissing' | 'phoneInvalid' | null {
  if (!draft.reminder) return null;
  if (!draft.phone.trim()) return 'phoneMissing';
  return ReminderPhone.safeParse(draft.phone).success ? null : 'phoneInvalid';
}
