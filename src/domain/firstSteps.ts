/**
 * The seed's three first steps "this week": book the review, check the policy, send the message.
 * A step is done once its evidence is on file (accepted or waiting for review).
 */
import { managementCommunications } from './alarms';
import type { OrganisationPeople } from './involvement';
import { isAmong } from './people';
import { bookedReviewStarts } from './reviewSchedule';
import { isReviewBookedWithinNextQuarter } from './quarters';
import { isLive, type EvaluatedEvidence, type EvaluationContext } from './standing';
import type { Localized } from './text';

export type FirstStepId = 'bookReview' | 'checkPolicy' | 'sendMessage';

export interface FirstStepStatus {
  id: FirstStepId;
  title: Localized;
  howTo: Localized;
  done: boolean;
  evidence: EvaluatedEvidence[];
}

const STEPS: Record<FirstStepId, { title: Localized; howTo: Localized }> = {
  bookReview: {
    title: { de: 'Termin blocken', en: 'Block the date' },
    howTo: {
      de: 'Das nächste vierteljährliche Management-Review in den Kalender der Geschäftsführung eintragen.',
      en: "Put the next quarterly management review into top management's calendar.",
    },
  },
  checkPolicy: {
    title: { de: 'Leitlinie prüfen', en: 'Check the policy' },
    howTo: {
      de: 'Ist die Leitlinie aktuell datiert und von der heutigen Geschäftsführung unterschrieben? Wenn nicht, nachholen.',
      en: "Is the policy dated recently and signed by today's top management? If not, catch up.",
    },
  },
  sendMessage: {
    title: { de: 'Botschaft senden', en: 'Send the message' },
    howTo: {
      de: 'Eine kurze E-Mail an alle schreiben, warum Informationssicherheit für einen wichtigen Kunden oder die Jahresziele zählt – und sie als Nachweis speichern.',
      en: 'Write a short email to everyone on why information security matters for a key customer or the annual goals – and save it as evidence.',
    },
  },
};

export function evaluateFirstSteps(
  evaluated: readonly EvaluatedEvidence[],
  people: OrganisationPeople,
  context: EvaluationContext,
): FirstStepStatus[] {
  const bookings = evaluated.filter((e) => e.item.type === 'reviewBooking' && isLive(e));
  const booked = isReviewBookedWithinNextQuarter(bookedReviewStarts(evaluated, context), context.now, context.settings.timeZone);

  const policies = evaluated.filter(
    (e) =>
      e.item.type === 'securityPolicy' &&
      isLive(e) &&
      (people.topManagement.length === 0 || (e.item.signedBy !== undefined && isAmong(e.item.signedBy, people.topManagement))),
  );
  const messages = managementCommunications(evaluated, people).filter((e) => e.item.type === 'ceoMail' && isLive(e));

  const step = (id: FirstStepId, done: boolean, evidence: EvaluatedEvidence[]): FirstStepStatus => ({ id, ...STEPS[id], done, evidence });
  return [
    step('bookReview', booked, bookings),
    step('checkPolicy', policies.length > 0, policies),
    step('sendMessage', messages.length > 0, messages),
  ];
}
