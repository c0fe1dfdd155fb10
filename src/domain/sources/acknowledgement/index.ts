/**
 * Staff acknowledgement: staff confirm in the Teams tab that they read the published policy and objectives
 * (src/domain/acknowledgement.ts, src/features/acknowledgements). Policy communicated (5.2), awareness (7.3),
 * communication (7.4), A.5.4.
 */
import type { SourceModule } from '../types';
import de from './acknowledgement.de.json';
import en from './acknowledgement.en.json';

export const acknowledgementSource = {
  id: 'acknowledgement',
  texts: { de, en },
  origins: { staffAcknowledgement: 'acknowledgement' },
  types: {
    staffAcknowledgement: { clauses: ['5.2', '7.3', '7.4', 'A.5.4'], freshness: 'acknowledgement', checklistItem: null },
  },
  section: 'dashboard',
} as const satisfies SourceModule;
