/** Mail: tagged in the Outlook task pane on send, or swept from Sent Items (src/features/outlook). */
import type { SourceModule } from '../types';
import de from './mail.de.json';
import en from './mail.en.json';

export const mailSource = {
  id: 'mail',
  texts: { de, en },
  origins: { outlook: 'mail', outlookSweep: 'mail' },
  types: {
    ceoMail: { clauses: ['5.1d', '7.4', 'A.5.4'], freshness: 'communication', checklistItem: 'ceoMails', requires: ['author'] },
    other: { clauses: [], freshness: 'other', checklistItem: null },
  },
  section: 'outlook',
} as const satisfies SourceModule;
