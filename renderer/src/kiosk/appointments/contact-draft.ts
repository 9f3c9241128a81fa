export interface ContactDraft {
  firstName: string;
}

export const emptyContact: ContactDraft = { firstName: '' };

/** The least contact data that works: a first name or nothing. */
export function contactInput(draft: ContactDraft): { firstName?: string } {
  const firstName = draft.firstName.trim();
  return firstName ? { firstName } : {};
}
