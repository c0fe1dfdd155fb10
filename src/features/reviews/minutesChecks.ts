/**
 * Signed minutes checked against the signature records (issue 11): per occurrence, the latest signature the minutes
 * carry (current or superseded), whether a valid record backs it and whether the stored content still matches. The
 * reviews section, the dashboard (auditor alarm) and the binder (manifest) read the same checks.
 */
import { sha256HexSync, trustedSignature, type RoleMembership, type SignatureFlag, type SignatureRecord, type TrustedSignature } from '../../domain';
import type { GraphGateways } from '../../graph';
import { canonicalContent, type Minutes } from './minutes';
import { loadReviewPeople } from './people';
import { createReviewRecords, type Stored } from './reviewRecords';
import { reviewMembership, signatureRecords } from './signatureRecords';

/** A minutes' latest signature, checked: `flags` name what does not add up (trustedSignature.ts). */
export interface SignatureCheck extends TrustedSignature {
  /** The signed version. */
  version: number;
  /** The minutes moved on to a newer version since (which needs its own signature). */
  superseded: boolean;
}

/** Checks of every signed minutes (UTC ISO occurrence start → check); pure over what was read. */
export function checkMinutesSignatures(all: readonly Stored<Minutes>[], records: readonly SignatureRecord[], membership: RoleMembership): Record<string, SignatureCheck> {
  const out: Record<string, SignatureCheck> = {};
  for (const { value } of all) {
    const signature = value.signature ?? value.history.at(-1);
    if (!signature) continue;
    const claim = {
      occurrenceStart: value.occurrenceStart,
      signature: { version: signature.version, sha256: signature.sha256, ...(signature.recordId ? { recordId: signature.recordId } : {}) },
      currentSha256: sha256HexSync(canonicalContent(value)),
    };
    out[value.occurrenceStart] = { ...trustedSignature(claim, records, membership), version: signature.version, superseded: !value.signature };
  }
  return out;
}

/** Minutes whose signature does not hold (changed after signing, no or an invalid record), for the dashboard and the binder. */
export interface MinutesIntegrity {
  occurrenceStart: string;
  flags: SignatureFlag[];
}

/** Reads minutes, signature records and the role groups' members, and returns the minutes whose signature is flagged. */
export async function minutesSignatureChecks(graph: Pick<GraphGateways, 'users' | 'groups' | 'sites' | 'lists' | 'listItems' | 'records'>, siteUrl: string): Promise<MinutesIntegrity[]> {
  const all = await createReviewRecords(graph, siteUrl).allMinutes();
  if (!all.some((m) => m.value.signature ?? m.value.history.at(-1))) return [];
  const [people, found] = await Promise.all([loadReviewPeople(graph, siteUrl), signatureRecords(graph, siteUrl)]);
  const checks = checkMinutesSignatures(all, found.records, await reviewMembership(graph, people));
  return Object.entries(checks)
    .filter(([, check]) => check.flags.length > 0)
    .map(([occurrenceStart, check]) => ({ occurrenceStart, flags: check.flags }))
    .sort((a, b) => a.occurrenceStart.localeCompare(b.occurrenceStart));
}
