/** Turns what the reviews feature throws into a message in the user's language. */
import { ZodError } from 'zod';
import { translateMessage, type Translate, type TranslationKey } from '../../i18n';
import { ReviewsError } from '../../features/reviews/errors';
import { MinutesNotAllowedError } from '../../features/reviews/minutes';

/** A known message, or null for errors the shared ErrorPanel shows (Graph errors with request-id). */
export function reviewErrorMessage(error: unknown, t: Translate): string | null {
  if (error instanceof ReviewsError) return t(`reviews.error.${error.reason}` as TranslationKey, { detail: error.detail });
  if (error instanceof MinutesNotAllowedError) return translateMessage(t, error.userMessage);
  if (error instanceof ZodError) {
    return error.issues
      .map((issue) => (issue.message.startsWith('reviews.') ? t(issue.message as TranslationKey) : `${issue.path.join('.')}: ${issue.message}`))
      .join(' ');
  }
  return null;
}
