/** Errors of the reviews feature, each with a reason the UI translates (`reviews.error.<reason>`). */
export type ReviewsErrorReason = 'alreadyBooked' | 'notBooked' | 'missingAttendees' | 'noMinutes' | 'queued';

export class ReviewsError extends Error {
  override readonly name = 'ReviewsError';
  constructor(
    readonly reason: ReviewsErrorReason,
    /** What the message names (a date, people, an outbox id). */
    readonly detail: string,
  ) {
    super(`Management review: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}
