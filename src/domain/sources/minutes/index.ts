/** Minutes: the management review's minutes, signed by the CEO as a PDF (src/features/reviews/signing.ts). */
import type { SourceModule } from '../types';
import de from './minutes.de.json';
import en from './minutes.en.json';

export const minutesSource = {
  id: 'minutes',
  texts: { de, en },
  origins: { manual: 'manual' },
  types: {
    reviewMinutes: { clauses: ['9.3', '9.3.3', '5.1e', '5.1g'], freshness: 'review', checklistItem: 'reviewMinutes' },
  },
  section: 'reviews',
} as const satisfies SourceModule;
