/** Whether a management review was held or is booked: the basis of the quarterly review check. */
import type { EvidenceTypeId } from './evidenceTypes';
import { quarterOf, isInQuarter, isReviewBookedWithinNextQuarter } from './quarters';
import { type EvaluatedEvidence, type EvaluationContext } from './standing';

/** Evidence that a review took place. */
export const REVIEW_HELD_TYPES: readonly EvidenceTypeId[] = ['reviewMinutes', 'meetingAttendance', 'meetingTranscript'];

/** Planned review starts from the calendar plus the dates of booked reviews on file. */
export function bookedReviewStarts(evaluated: readonly EvaluatedEvidence[], context: EvaluationContext): Date[] {
  const booked = evaluated
    .filter((e) => e.item.type === 'reviewBooking' && e.standing !== 'rejected' && e.item.scheduledFor)
    .map((e) => new Date(e.item.scheduledFor!));
  return [...(context.plannedReviewStarts ?? []), ...booked].sort((a, b) => a.getTime() - b.getTime());
}

export interface ReviewScheduleStatus {
  heldThisQuarter: EvaluatedEvidence[];
  bookedThisQuarter: Date[];
  bookedWithinNextQuarter: boolean;
  nextBooked: Date | null;
  /** Held or booked this quarter, or booked within the next three months. */
  onTrack: boolean;
}

export function reviewScheduleStatus(evaluated: readonly EvaluatedEvidence[], context: EvaluationContext): ReviewScheduleStatus {
  const { now, settings } = context;
  const quarter = quarterOf(now, settings.timeZone);
  const heldThisQuarter = evaluated.filter(
    (e) =>
      REVIEW_HELD_TYPES.includes(e.item.type) &&
      e.standing !== 'rejected' &&
      isInQuarter(new Date(e.item.effectiveDate), quarter, settings.timeZone),
  );
  const booked = bookedReviewStarts(evaluated, context);
  const bookedThisQuarter = booked.filter((start) => isInQuarter(start, quarter, settings.timeZone));
  const bookedWithinNextQuarter = isReviewBookedWithinNextQuarter(booked, now, settings.timeZone);
  const nextBooked = booked.find((start) => start.getTime() >= now.getTime()) ?? null;
  return {
    heldThisQuarter,
    bookedThisQuarter,
    bookedWithinNextQuarter,
    nextBooked,
    onTrack: heldThisQuarter.length > 0 || bookedThisQuarter.length > 0 || bookedWithinNextQuarter,
  };
}
