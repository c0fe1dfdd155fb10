/** Errors of the reviews feature, each with a reason the UI translates (`reviews.error.<reason>`). */
export type ReviewsErrorReason =
  | 'alreadyBooked'
  | 'notBooked'
  | 'missingAttendees'
  | 'noMinutes'
  | 'queued'
  /** The organizer's calendar does not allow Teams meetings (detail: the providers it allows). */
  | 'teamsNotAllowed'
  /** Outlook created the series without a Teams join link for another reason. */
  | 'noTeamsLink'
  /** A change left the series without its Teams join link. */
  | 'meetingLost'
  /** Someone changed the minutes while they were being signed: nothing was signed. */
  | 'changedWhileSigning'
  /** The PDF stored for this content does not match a PDF rendered from it (detail: its title). */
  | 'pdfMismatch';

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
