/** What a capture records about recipients: how many, and whether all staff were addressed. */
import type { MailRecipient } from './composeMail';

export interface RecipientSummary {
  count: number;
  allStaff: boolean;
  /** Display names of the all-staff groups among the recipients. */
  allStaffNames: string[];
}

/** Names (mail nickname or display name) that mean "everyone in the company". */
export const ALL_STAFF_NAMES: readonly string[] = ['alle', 'alle mitarbeitenden', 'alle mitarbeiter', 'all', 'all staff', 'allstaff', 'all-staff', 'everyone', 'all employees'];

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[._]+/g, ' ');
}

export function isAllStaffRecipient(recipient: MailRecipient, names: readonly string[] = ALL_STAFF_NAMES): boolean {
  if (recipient.kind === 'user' || recipient.kind === 'externalUser') return false;
  const localPart = normalise(recipient.emailAddress.split('@')[0] ?? '');
  const display = normalise(recipient.displayName);
  return names.some((name) => normalise(name) === localPart || normalise(name) === display);
}

export function summarizeRecipients(recipients: readonly MailRecipient[], names?: readonly string[]): RecipientSummary {
  const unique = new Map<string, MailRecipient>();
  for (const r of recipients) unique.set(r.emailAddress.toLowerCase() || r.displayName, r);
  const allStaffNames = [...unique.values()].filter((r) => isAllStaffRecipient(r, names)).map((r) => r.displayName || r.emailAddress);
  return { count: unique.size, allStaff: allStaffNames.length > 0, allStaffNames };
}
