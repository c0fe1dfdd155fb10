/** Uploads: documents no mailbox produces, each with its form in the evidence panel (src/features/panel/uploadForms.ts). */
import type { SourceModule } from '../types';
import de from './upload.de.json';
import en from './upload.en.json';

export const uploadSource = {
  id: 'upload',
  texts: { de, en },
  origins: { upload: 'upload' },
  types: {
    securityPolicy: { clauses: ['5.1a', '5.2', 'A.5.4'], freshness: 'policy', checklistItem: 'policy', requires: ['signedBy'], upload: true },
    budgetPlan: { clauses: ['5.1c', '7.1'], freshness: 'budget', checklistItem: 'budget', upload: true },
    securityInvoice: { clauses: ['5.1c', '7.1'], freshness: 'budget', checklistItem: 'budget', upload: true },
    isbAppointment: { clauses: ['5.3', '5.1h'], freshness: 'appointment', checklistItem: null, requires: ['appointee'], upload: true },
    roleDescription: { clauses: ['5.3', '5.1h'], freshness: 'organisation', checklistItem: null, upload: true },
    orgChart: { clauses: ['5.3', '5.1h'], freshness: 'organisation', checklistItem: null, upload: true },
    securityObjectives: { clauses: ['6.2', '5.1a'], freshness: 'objectives', checklistItem: 'objectivesAndPlans', upload: true },
    objectiveProgressReport: { clauses: ['6.2', '5.1a', '9.3.2d4'], freshness: 'progress', checklistItem: 'objectivesAndPlans', upload: true },
    internalAuditReport: { clauses: ['9.2', '9.3.2d3'], freshness: 'auditReport', checklistItem: 'internalAuditReports', upload: true },
    trainingRecord: { clauses: ['7.2', '7.3', 'A.5.4'], freshness: 'training', checklistItem: 'trainingRecords', upload: true },
    intranetPost: { clauses: ['5.1d', '7.4', '7.3'], freshness: 'communication', checklistItem: 'intranetPosts', upload: true },
    allHandsSlides: { clauses: ['5.1d', '7.4', '7.3'], freshness: 'communication', checklistItem: 'allHandsSlides', upload: true },
  },
  section: 'evidence',
} as const satisfies SourceModule;
