/**
 * Nudges (issue 15), de-DE: minutes of a past review wait for the CEO's signature; the ISB opens the dashboard,
 * which notifies top management in Teams, and the CEO follows the notification's link to the reviews section.
 * The journey is shared with the English run (support/nudgesJourney.ts, nudges.en.test.ts).
 */
import { describeNudgesJourney } from './support/nudgesJourney';

jest.setTimeout(180_000);

describeNudgesJourney({
  locale: 'de-DE',
  lang: 'de',
  demoUser: 'Demo-Benutzer',
  notifiedCeo: /In Teams benachrichtigt: .*Katrin Berger \(Protokoll wartet auf Unterschrift\)/,
  noReviewThisQuarter: 'In diesem Quartal ist kein Management-Review gebucht.',
  noReviewBooked: 'Kein Management-Review gebucht',
  preview: 'wartet auf Ihre Unterschrift',
  dashboardHeading: 'Auditbereitschaft',
  reviewsHeading: 'Managementbewertung',
  pastHeading: 'Vergangene Reviews',
  readAndSign: /^Protokoll vom .* lesen und unterschreiben$/,
  awaitingYourSignature: 'wartet auf Ihre Unterschrift',
  decisionField: 'Entscheidung 1',
  signButton: 'Als Geschäftsführung unterschreiben',
  decision: 'MFA für alle',
});
