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
import { message, type Message } from './text';

export type FirstStepId = 'bookReview' | 'checkPolicy' | 'sendMessage';

export interface FirstStepStatus {
  id: FirstStepId;
  title: Message;
  howTo: Message;
  done: boolean;
  evidence: EvaluatedEvidence[];
}

const STEPS: Record<FirstStepId, { title: Message; howTo: Message }> = {
  bookReview: { title: message('firstSteps.bookReview.title'), howTo: message('firstSteps.bookReview.howTo') },
  checkPolicy: { title: message('firstSteps.checkPolicy.title'), howTo: message('firstSteps.checkPolicy.howTo') },
  sendMessage: { title: message('firstSteps.sendMessage.title'), howTo: message('firstSteps.sendMessage.howTo') },
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
