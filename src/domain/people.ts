/** A person as evidence refers to them: directory id and/or sign-in name, plus a display name. */
import { z } from 'zod';

export const PersonRefSchema = z
  .object({
    /** Directory object id (Entra ID). */
    id: z.string().trim().min(1).optional(),
    /** userPrincipalName or mail address. */
    upn: z.string().trim().min(3).optional(),
    displayName: z.string().trim().min(1, { error: 'person.displayName.required' }).max(255),
  })
  .refine((p) => p.id !== undefined || p.upn !== undefined, {
    error: 'person.identity.required',
  });

export type PersonRef = z.infer<typeof PersonRefSchema>;

/** Same person when the directory ids match, or else the sign-in names match (case-insensitive). */
export function samePerson(a: PersonRef, b: PersonRef): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  if (a.upn !== undefined && b.upn !== undefined) return a.upn.toLowerCase() === b.upn.toLowerCase();
  return false;
}

export function isAmong(person: PersonRef, people: readonly PersonRef[]): boolean {
  return people.some((other) => samePerson(person, other));
}
