/**
 * The management review agenda: the review inputs (9.3.2 a–g, with d 1–4) and the results
 * (9.3.3), in German and English, as plain text and as simple, safe HTML for a calendar event.
 */
import { z } from 'zod';
import type { ClauseId } from './clauses';
import { escapeHtml } from './html';
import type { Language, Localized } from './text';
import { parsePlainDate } from './zonedTime';

export interface AgendaPoint {
  clause: ClauseId;
  /** "a)", "d) 1" … as printed in the agenda. */
  marker: string;
  title: Localized;
  /** Sub-points (only d: the four trends). */
  children?: AgendaPoint[];
}

const point = (clause: ClauseId, marker: string, de: string, en: string, children?: AgendaPoint[]): AgendaPoint => ({
  clause,
  marker,
  title: { de, en },
  ...(children ? { children } : {}),
});

export const REVIEW_INPUTS: readonly AgendaPoint[] = [
  point('9.3.2a', 'a)', 'Stand der Maßnahmen aus früheren Management-Reviews', 'Status of actions from earlier management reviews'),
  point('9.3.2b', 'b)', 'Veränderungen bei externen und internen Themen, die das ISMS betreffen', 'Changes in external and internal issues that affect the ISMS'),
  point('9.3.2c', 'c)', 'Veränderte Erfordernisse und Erwartungen interessierter Parteien', 'Changed needs and expectations of interested parties'),
  point('9.3.2d', 'd)', 'Rückmeldungen zur Informationssicherheitsleistung, einschließlich Entwicklungen bei:', 'Feedback on information security performance, including trends in:', [
    point('9.3.2d1', '1.', 'Abweichungen und Korrekturmaßnahmen', 'Nonconformities and corrective actions'),
    point('9.3.2d2', '2.', 'Ergebnissen von Überwachung und Messung', 'Monitoring and measurement results'),
    point('9.3.2d3', '3.', 'Auditergebnissen', 'Audit results'),
    point('9.3.2d4', '4.', 'der Erreichung der Sicherheitsziele', 'Fulfilment of the security objectives'),
  ]),
  point('9.3.2e', 'e)', 'Rückmeldungen interessierter Parteien', 'Feedback from interested parties'),
  point('9.3.2f', 'f)', 'Ergebnisse der Risikobeurteilung und Stand des Risikobehandlungsplans', 'Risk assessment results and status of the risk treatment plan'),
  point('9.3.2g', 'g)', 'Chancen zur fortlaufenden Verbesserung', 'Opportunities for continual improvement'),
];

export const REVIEW_OUTPUTS: readonly Localized[] = [
  { de: 'Entscheidungen zu Chancen für fortlaufende Verbesserung', en: 'Decisions on opportunities for continual improvement' },
  { de: 'Entscheidungen zu notwendigen Änderungen am ISMS', en: 'Decisions on any changes needed to the ISMS' },
  { de: 'Aufgaben mit Verantwortlichen und Terminen', en: 'Tasks with owners and due dates' },
  {
    de: 'Protokoll mit Teilnehmenden, Themen, Entscheidungen und Aufgaben – von der Geschäftsführung unterschrieben',
    en: 'Minutes with attendees, topics, decisions and tasks – signed by top management',
  },
];

const HEADINGS = {
  title: { de: 'Management-Review Informationssicherheit', en: 'Information security management review' },
  basis: { de: 'Tagesordnung nach ISO/IEC 27001:2022, Abschnitt 9.3', en: 'Agenda following ISO/IEC 27001:2022, clause 9.3' },
  inputs: { de: 'Themen (9.3.2)', en: 'Inputs (9.3.2)' },
  outputs: { de: 'Ergebnisse (9.3.3)', en: 'Results (9.3.3)' },
  noOpenActions: { de: 'keine offenen Maßnahmen', en: 'no open actions' },
  owner: { de: 'verantwortlich', en: 'owner' },
  due: { de: 'fällig', en: 'due' },
} satisfies Record<string, Localized>;

export const OpenActionItemSchema = z.object({
  title: z.string().trim().min(1).max(255),
  owner: z.string().trim().min(1).max(255).optional(),
  /** Due day as YYYY-MM-DD. */
  dueDate: z
    .string()
    .refine((value) => {
      try {
        parsePlainDate(value);
        return true;
      } catch {
        return false;
      }
    }, { error: 'Invalid due date (expected YYYY-MM-DD).' })
    .optional(),
});

export type OpenActionItem = z.infer<typeof OpenActionItemSchema>;

export interface AgendaOptions {
  lang: Language;
  /** Open actions from earlier reviews, listed under input a). */
  openActions?: readonly OpenActionItem[];
}

function formatDue(value: string, lang: Language): string {
  const { year, month, day } = parsePlainDate(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return lang === 'de' ? `${pad(day)}.${pad(month)}.${year}` : `${year}-${pad(month)}-${pad(day)}`;
}

function describeAction(action: OpenActionItem, lang: Language): string {
  const details = [
    action.owner ? `${HEADINGS.owner[lang]}: ${action.owner}` : null,
    action.dueDate ? `${HEADINGS.due[lang]}: ${formatDue(action.dueDate, lang)}` : null,
  ].filter((d): d is string => d !== null);
  return details.length > 0 ? `${action.title} (${details.join(', ')})` : action.title;
}

function validActions(options: AgendaOptions): OpenActionItem[] {
  return (options.openActions ?? []).map((action) => OpenActionItemSchema.parse(action));
}

/** The agenda as plain text (for a mail or a plain-text event body). */
export function renderAgendaText(options: AgendaOptions): string {
  const { lang } = options;
  const actions = validActions(options);
  const lines = [HEADINGS.title[lang], HEADINGS.basis[lang], '', HEADINGS.inputs[lang]];
  for (const input of REVIEW_INPUTS) {
    lines.push(`${input.marker} ${input.title[lang]}`);
    if (input.clause === '9.3.2a') {
      if (actions.length === 0) lines.push(`   – ${HEADINGS.noOpenActions[lang]}`);
      for (const action of actions) lines.push(`   – ${describeAction(action, lang)}`);
    }
    for (const child of input.children ?? []) lines.push(`   ${child.marker} ${child.title[lang]}`);
  }
  lines.push('', HEADINGS.outputs[lang]);
  for (const output of REVIEW_OUTPUTS) lines.push(`– ${output[lang]}`);
  return lines.join('\n');
}

/**
 * The agenda as simple HTML (h2, p, h3, ol, ul, li only; every text escaped), for a calendar
 * event body.
 */
export function renderAgendaHtml(options: AgendaOptions): string {
  const { lang } = options;
  const e = escapeHtml;
  const actions = validActions(options);
  const inputItems = REVIEW_INPUTS.map((input) => {
    let inner = `${e(input.marker)} ${e(input.title[lang])}`;
    if (input.clause === '9.3.2a') {
      const entries = actions.length === 0 ? [HEADINGS.noOpenActions[lang]] : actions.map((a) => describeAction(a, lang));
      inner += `<ul>${entries.map((entry) => `<li>${e(entry)}</li>`).join('')}</ul>`;
    }
    if (input.children) {
      inner += `<ol>${input.children.map((child) => `<li>${e(child.title[lang])}</li>`).join('')}</ol>`;
    }
    return `<li>${inner}</li>`;
  }).join('');
  return [
    `<h2>${e(HEADINGS.title[lang])}</h2>`,
    `<p>${e(HEADINGS.basis[lang])}</p>`,
    `<h3>${e(HEADINGS.inputs[lang])}</h3>`,
    `<ul>${inputItems}</ul>`,
    `<h3>${e(HEADINGS.outputs[lang])}</h3>`,
    `<ul>${REVIEW_OUTPUTS.map((o) => `<li>${e(o[lang])}</li>`).join('')}</ul>`,
  ].join('');
}
