/**
 * The SharePoint lists and the library Chefsache keeps in the customer's site, by display name.
 * One place for the names: provisioning, setup (permissions) and the stores read them from here.
 */
export const LIST_NAMES = {
  /** One item per piece of evidence. */
  evidence: 'Chefsache Nachweise',
  /** The stored bytes of the evidence. */
  library: 'Chefsache Nachweisdokumente',
  /** Review series and minutes. */
  reviews: 'Chefsache Protokolle',
  /** Accept/reject decisions: append-only, one item per decision. */
  decisions: 'Chefsache Entscheidungen',
  /** Signatures of minutes: append-only, one item per signature. */
  signatures: 'Chefsache Unterschriften',
  /** Settings written by setup (role groups by object id, record label). */
  settings: 'Chefsache Einstellungen',
  /** Nudges sent (Teams activity notifications): append-only, one item per alarm, recipient and day. */
  nudges: 'Chefsache Hinweise',
  /** What top management or the ISB published to staff for acknowledgement (policy version, objectives). */
  publications: 'Chefsache Veröffentlichungen',
  /** Staff acknowledgements and anonymous self-check answers: staff add their own and read only their own. */
  acknowledgements: 'Chefsache Kenntnisnahmen',
} as const;

export type ChefsacheList = keyof typeof LIST_NAMES;
