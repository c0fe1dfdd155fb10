/**
 * Nudges (issue 15), en-US: minutes of a past review wait for the CEO's signature; the ISB opens the dashboard,
 * which notifies top management in Teams, and the CEO follows the notification's link to the reviews section.
 * The journey is shared with the German run (support/nudgesJourney.ts, nudges.test.ts).
 */
import { describeNudgesJourney } from './support/nudgesJourney';

jest.setTimeout(180_000);

describeNudgesJourney({
  locale: 'en-US',
  lang: 'en',
  demoUser: 'Demo user',
  notifiedCeo: /Notified in Teams: .*Katrin Berger \(minutes wait for signature\)/,
  noReviewThisQuarter: 'No management review is booked this quarter.',
  noReviewBooked: 'No management review booked',
  preview: 'wait for your signature',
  dashboardHeading: 'Audit readiness',
  reviewsHeading: 'Management review',
  pastHeading: 'Past reviews',
  readAndSign: /^Minutes of .*: read and sign$/,
  awaitingYourSignature: 'waiting for your signature',
  decisionField: 'Decision 1',
  signButton: 'Sign as top management',
  decision: 'MFA for everyone',
});
