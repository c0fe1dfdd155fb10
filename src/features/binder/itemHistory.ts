/**
 * An evidence item's history for the binder (issue 11): the versions of its list item (which
 * fields changed) and of its file (size), and flags for every change after capture, after an
 * acceptance and after the latest signature. Pure: the versions and records are read elsewhere.
 */
import { evidenceVersionChange, isEvidenceReviewColumn, type FileVersionModel, type ListItemVersionModel, type RetentionLabelModel } from '../../graph';
import { sameVersion, type DecisionRecord, type SignatureRecord } from './binderRecords';

export interface VersionStep {
  version: string;
  at: string;
  by?: string;
  /** List item: the columns that differ from the version before (none for the first). */
  changed: string[];
  /** Only review columns changed (a review, not a change of the evidence). */
  reviewOnly: boolean;
  /** File: its size in this version. */
  size?: number;
}

export type HistoryFlag =
  | { kind: 'itemChangedAfterCapture'; version: string; at: string; by?: string; fields: string[] }
  | { kind: 'fileChangedAfterCapture'; version: string; at: string; by?: string }
  | { kind: 'changedAfterAcceptance'; decidedAt: string; decidedBy?: string; version?: string; at?: string; by?: string; expectedSha256?: string; actualSha256?: string }
  | { kind: 'changedAfterSignature'; signatureId: string; signedAt: string; signedVersion: string; signedSha256: string; version?: string; sha256?: string }
  | { kind: 'addedAfterSignature'; signatureId: string; signedAt: string }
  /** The item's review fields claim a decision (e.g. "accepted by the ISB") that no decision record backs: a forged or lost review. */
  | { kind: 'reviewWithoutDecision'; status: 'accepted' | 'rejected'; reviewer?: string; reviewedAt?: string };

export interface ItemHistory {
  /** Newest first. */
  itemVersions: VersionStep[];
  fileVersions: VersionStep[];
  /** The current list item version ("3.0"). */
  currentVersion?: string;
  retentionLabel?: RetentionLabelModel;
  flags: HistoryFlag[];
  /** Why (part of) the history could not be read. */
  problem?: string;
}

const by = (v: { modifiedBy?: { displayName?: string; email?: string } }) => v.modifiedBy?.displayName ?? v.modifiedBy?.email;

/** The list item's versions, oldest compared first; returned newest first. */
export function itemSteps(versions: readonly ListItemVersionModel[]): VersionStep[] {
  const oldestFirst = [...versions].reverse();
  return oldestFirst
    .map((version, index) => {
      const before = oldestFirst[index - 1];
      const { changed, contentChanged } = before ? evidenceVersionChange(version.fields, before.fields) : { changed: [], contentChanged: true };
      const step: VersionStep = { version: version.id, at: version.modifiedAt, changed, reviewOnly: Boolean(before) && !contentChanged };
      const who = by(version);
      if (who) step.by = who;
      return step;
    })
    .reverse();
}

export function fileSteps(versions: readonly FileVersionModel[]): VersionStep[] {
  return versions.map((v) => {
    const step: VersionStep = { version: v.id, at: v.modifiedAt, changed: [], reviewOnly: false };
    const who = by(v);
    if (who) step.by = who;
    if (v.size !== undefined) step.size = v.size;
    return step;
  });
}

export interface HistoryInput {
  itemId: string;
  itemVersions: readonly ListItemVersionModel[];
  fileVersions: readonly FileVersionModel[];
  retentionLabel?: RetentionLabelModel;
  /** The SHA-256 the item names now, and of the bytes actually downloaded. */
  storedSha256?: string;
  actualSha256?: string;
  decisions: readonly DecisionRecord[];
  /** The latest signature, if any. */
  signature?: SignatureRecord;
  /** What the item's own review fields (a display cache, never proof) claim. */
  claimedReview?: { status: 'pending' | 'accepted' | 'rejected'; reviewer?: string; reviewedAt?: string };
}

const after = (at: string, instant: string) => Date.parse(at) > Date.parse(instant);

export function itemHistory(input: HistoryInput): ItemHistory {
  const itemVersions = itemSteps(input.itemVersions);
  const fileVersions = fileSteps(input.fileVersions);
  const flags: HistoryFlag[] = [];
  // Every version after the first that changed the evidence (not only its review columns).
  const itemChanges = itemVersions.filter((s, i) => i < itemVersions.length - 1 && !s.reviewOnly);
  const fileChanges = fileVersions.slice(0, -1);
  for (const s of [...itemChanges].reverse()) {
    flags.push({ kind: 'itemChangedAfterCapture', version: s.version, at: s.at, ...(s.by ? { by: s.by } : {}), fields: s.changed.filter((c) => !isEvidenceReviewColumn(c)) });
  }
  for (const s of [...fileChanges].reverse()) flags.push({ kind: 'fileChangedAfterCapture', version: s.version, at: s.at, ...(s.by ? { by: s.by } : {}) });

  const current = input.actualSha256 ?? input.storedSha256;
  for (const decision of input.decisions) {
    if (decision.decision === 'rejected') continue;
    const base = { kind: 'changedAfterAcceptance' as const, decidedAt: decision.decidedAt, ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}) };
    const later = [...itemChanges, ...fileChanges].filter((s) => after(s.at, decision.decidedAt)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    const hashDiffers = decision.contentSha256 !== undefined && current !== undefined && decision.contentSha256 !== current;
    if (later || hashDiffers) {
      flags.push({
        ...base,
        ...(later ? { version: later.version, at: later.at, ...(later.by ? { by: later.by } : {}) } : {}),
        ...(hashDiffers ? { expectedSha256: decision.contentSha256!, actualSha256: current! } : {}),
      });
    }
  }

  const claimed = input.claimedReview;
  if (claimed && claimed.status !== 'pending' && !input.decisions.some((d) => (d.decision ?? 'accepted') === claimed.status)) {
    flags.push({ kind: 'reviewWithoutDecision', status: claimed.status, ...(claimed.reviewer ? { reviewer: claimed.reviewer } : {}), ...(claimed.reviewedAt ? { reviewedAt: claimed.reviewedAt } : {}) });
  }

  const currentVersion = itemVersions[0]?.version;
  if (input.signature) {
    const signed = input.signature.entries.find((e) => e.itemId === input.itemId);
    const sig = { signatureId: input.signature.id, signedAt: input.signature.signedAt };
    if (!signed) {
      // The signature's own PDF is stored after signing: it is what was signed, not an addition.
      if (input.signature.pdfEvidenceId !== input.itemId) flags.push({ kind: 'addedAfterSignature', ...sig });
    } else {
      // A newer version counts when it changed the evidence (a review after signing does not).
      const signedNumber = Number.parseFloat(signed.version);
      const versionDiffers =
        currentVersion !== undefined &&
        !sameVersion(currentVersion, signed.version) &&
        (!Number.isFinite(signedNumber) ||
          itemChanges.some((s) => Number.parseFloat(s.version) > signedNumber) ||
          fileChanges.some((s) => after(s.at, input.signature!.signedAt)) ||
          !itemVersions.some((s) => sameVersion(s.version, signed.version)));
      const hashes = [input.storedSha256, input.actualSha256].filter((h): h is string => h !== undefined);
      const hashDiffers = hashes.some((h) => h !== signed.contentSha256) || (hashes.length === 0 && signed.contentSha256 !== '');
      if (versionDiffers || hashDiffers) {
        flags.push({
          kind: 'changedAfterSignature',
          ...sig,
          signedVersion: signed.version,
          signedSha256: signed.contentSha256,
          ...(currentVersion ? { version: currentVersion } : {}),
          ...(current ? { sha256: current } : {}),
        });
      }
    }
  }
  const history: ItemHistory = { itemVersions, fileVersions, flags };
  if (currentVersion) history.currentVersion = currentVersion;
  if (input.retentionLabel) history.retentionLabel = input.retentionLabel;
  return history;
}
