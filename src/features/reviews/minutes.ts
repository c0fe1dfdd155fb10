/**
 * Minutes of one review occurrence, structured by ISO/IEC 27001:2022 9.3: participants, notes per
 * input a–g, decisions (9.3.3), action items. Signing (top management only) records who, when and
 * the SHA-256 of the signed content and locks the version; a later change starts a new version.
 * Task tracking (To Do ids, status) is not part of the signed content.
 */
import { z } from 'zod';
import { message, permissionsFor, sha256Hex, type PersonRef, type Role } from '../../domain';
import { createTranslator, type AppMessage } from '../../i18n';

export const INPUT_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type InputKey = (typeof INPUT_KEYS)[number];

const person = z.object({ id: z.string().optional(), upn: z.string().optional(), displayName: z.string().min(1) });

export const ParticipantSchema = person.extend({
  attendedSeconds: z.number().int().min(0).optional(),
  topManagement: z.boolean().default(false),
});

export const PassageSchema = z.object({ text: z.string().min(1).max(4000), speaker: z.string().optional(), at: z.string().optional() });

export const DecisionSchema = z.object({
  kind: z.enum(['improvement', 'ismsChange']),
  text: z.string().trim().min(1).max(2000),
  passages: z.array(PassageSchema).default([]),
});

export const ActionItemSchema = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1).max(255),
  owner: person,
  /** YYYY-MM-DD */
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** Where the action's To Do task lives (the owner's own list) and its last known status. */
export const ActionTrackingSchema = z.object({
  listId: z.string(),
  taskId: z.string(),
  status: z.enum(['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred']),
  checkedAt: z.string(),
});

export const SignatureSchema = z.object({
  by: person,
  at: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  version: z.number().int().min(1),
  /** Evidence item of the signed PDF. */
  evidenceId: z.string().optional(),
  pdfUrl: z.string().optional(),
  /** SHA-256 over the sorted `id|version|contentSha256` lines of every evidence item at signing (printed in the PDF). */
  evidenceDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  evidenceCount: z.number().int().min(0).optional(),
  /** Item id of the signature record (signature list): SharePoint's createdBy there is the signer. */
  recordId: z.string().optional(),
});

const note = () => z.string().max(8000).default('');
const InputsSchema = z.object({ a: note(), b: note(), c: note(), d: note(), e: note(), f: note(), g: note() });

export const MinutesSchema = z.object({
  /** UTC start of the occurrence (ISO). */
  occurrenceStart: z.string(),
  version: z.number().int().min(1).default(1),
  participants: z.array(ParticipantSchema).default([]),
  inputs: InputsSchema.default({ a: '', b: '', c: '', d: '', e: '', f: '', g: '' }),
  inputPassages: z.partialRecord(z.enum(INPUT_KEYS), z.array(PassageSchema)).default({}),
  decisions: z.array(DecisionSchema).default([]),
  actions: z.array(ActionItemSchema).default([]),
  tracking: z.record(z.string(), ActionTrackingSchema).default({}),
  signature: SignatureSchema.optional(),
  /** Earlier signatures (versions superseded by a later change). */
  history: z.array(SignatureSchema).default([]),
});

export type Participant = z.infer<typeof ParticipantSchema>;
export type Passage = z.infer<typeof PassageSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type ActionTracking = z.infer<typeof ActionTrackingSchema>;
export type Signature = z.infer<typeof SignatureSchema>;
export type Minutes = z.infer<typeof MinutesSchema>;

export function emptyMinutes(occurrenceStart: string): Minutes {
  return MinutesSchema.parse({ occurrenceStart });
}

export type MinutesStatus = 'draft' | 'signed';
export const minutesStatus = (m: Minutes): MinutesStatus => (m.signature && m.signature.version === m.version ? 'signed' : 'draft');

/** The signed content: everything but tracking, signature and history, in a fixed key order. */
export function canonicalContent(m: Minutes): string {
  const content = {
    occurrenceStart: m.occurrenceStart,
    version: m.version,
    participants: m.participants.map((p) => ({ displayName: p.displayName, upn: p.upn ?? null, attendedSeconds: p.attendedSeconds ?? null, topManagement: p.topManagement })),
    inputs: INPUT_KEYS.map((k) => [k, m.inputs[k], (m.inputPassages[k] ?? []).map((p) => [p.speaker ?? null, p.text])]),
    decisions: m.decisions.map((d) => [d.kind, d.text, d.passages.map((p) => [p.speaker ?? null, p.text])]),
    actions: m.actions.map((a) => [a.id, a.title, a.owner.upn ?? a.owner.displayName, a.dueDate]),
  };
  return JSON.stringify(content);
}

/** Why minutes may not be signed or edited. */
export type MinutesRefusal = 'signRole' | 'alreadySigned' | 'noParticipants' | 'editRole';

export class MinutesNotAllowedError extends Error {
  override readonly name = 'MinutesNotAllowedError';
  /** What the user reads, as a key of the reviews texts. */
  readonly userMessage: AppMessage;
  constructor(readonly reason: MinutesRefusal) {
    const userMessage = message(`reviews.minutesRefused.${reason}` as const);
    super(createTranslator('en')(userMessage.key));
    this.userMessage = userMessage;
  }
}

export type MinutesChange = Partial<Pick<Minutes, 'participants' | 'inputs' | 'inputPassages' | 'decisions' | 'actions'>>;

/** Applies a change; signed minutes move to a new (unsigned) version, the old signature goes to history. */
export function changeMinutes(m: Minutes, change: MinutesChange): Minutes {
  const next: Minutes = { ...m, ...change };
  if (minutesStatus(m) === 'signed') {
    next.version = m.version + 1;
    next.history = [...m.history, m.signature!];
    delete next.signature;
  }
  return MinutesSchema.parse(next);
}

export interface Signer {
  person: PersonRef & { displayName: string };
  roles: readonly Role[];
  at: Date;
}

/** Top management and the ISB edit minutes; auditors never (even with another role). */
export function mayEditMinutes(roles: readonly Role[]): boolean {
  return !roles.includes('auditor') && (roles.includes('topManagement') || roles.includes('isb'));
}

/** Signs the current version: top management only, not twice, and not empty. */
export async function signMinutes(m: Minutes, signer: Signer): Promise<{ minutes: Minutes; content: string }> {
  if (!permissionsFor(signer.roles).maySignMinutes) {
    throw new MinutesNotAllowedError('signRole');
  }
  if (minutesStatus(m) === 'signed') {
    throw new MinutesNotAllowedError('alreadySigned');
  }
  if (m.participants.length === 0) {
    throw new MinutesNotAllowedError('noParticipants');
  }
  const content = canonicalContent(m);
  const signature: Signature = {
    by: { ...(signer.person.id ? { id: signer.person.id } : {}), ...(signer.person.upn ? { upn: signer.person.upn } : {}), displayName: signer.person.displayName },
    at: signer.at.toISOString(),
    sha256: await sha256Hex(content),
    version: m.version,
  };
  return { minutes: { ...m, signature }, content };
}

/** Actions whose task is not completed (no task yet counts as open). */
export function openActions(m: Minutes): ActionItem[] {
  return m.actions.filter((a) => m.tracking[a.id]?.status !== 'completed');
}
