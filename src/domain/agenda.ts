/**
 * The management review agenda: the review inputs (9.3.2 a–g, with d 1–4) and the results
 * (9.3.3), as text keys, rendered in one language (with the caller's translator) as plain text and as
 * simple, safe HTML for a calendar event.
 */
import { z } from 'zod';
import type { ClauseId } from './clauses';
import { escapeHtml } from './html';
import type { DomainMessages } from './locales';
import { message, type Language, type Message } from './text';
import { parsePlainDate } from './zonedTime';

export interface AgendaPoint {
  clause: ClauseId;
  /** "a)", "d) 1" … as printed in the agenda. */
  marker: string;
  title: Message;
  /** Sub-points (only d: the four trends). */
  children?: AgendaPoint[];
}

type InputKey = keyof DomainMessages['agenda']['inputs'];

const point = (clause: ClauseId, marker: string, key: InputKey, children?: AgendaPoint[]): AgendaPoint => ({
  clause,
  marker,
  title: message(`agenda.inputs.${key}`),
  ...(children ? { children } : {}),
});

export const REVIEW_INPUTS: readonly AgendaPoint[] = [
  point('9.3.2a', 'a)', 'a'),
  point('9.3.2b', 'b)', 'b'),
  point('9.3.2c', 'c)', 'c'),
  point('9.3.2d', 'd)', 'd', [point('9.3.2d1', '1.', 'd1'), point('9.3.2d2', '2.', 'd2'), point('9.3.2d3', '3.', 'd3'), point('9.3.2d4', '4.', 'd4')]),
  point('9.3.2e', 'e)', 'e'),
  point('9.3.2f', 'f)', 'f'),
  point('9.3.2g', 'g)', 'g'),
];

export const REVIEW_OUTPUTS: readonly Message[] = [
  message('agenda.outputs.improvement'),
  message('agenda.outputs.changes'),
  message('agenda.outputs.tasks'),
  message('agenda.outputs.minutes'),
];

const HEADINGS = {
  title: message('agenda.headings.title'),
  basis: message('agenda.headings.basis'),
  inputs: message('agenda.headings.inputs'),
  outputs: message('agenda.headings.outputs'),
  noOpenActions: message('agenda.headings.noOpenActions'),
  owner: message('agenda.headings.owner'),
  due: message('agenda.headings.due'),
} satisfies Record<string, Message>;

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
  /** The language the agenda is written in (texts and due dates). */
  lang: Language;
  /** Words for the agenda's texts in that language (the caller's translator: the domain holds keys, not words). */
  translate: (text: Message) => string;
  /** Open actions from earlier reviews, listed under input a). */
  openActions?: readonly OpenActionItem[];
}

function formatDue(value: string, lang: Language): string {
  const { year, month, day } = parsePlainDate(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return lang === 'de' ? `${pad(day)}.${pad(month)}.${year}` : `${year}-${pad(month)}-${pad(day)}`;
}

function describeAction(action: OpenActionItem, { lang, translate: w }: AgendaOptions): string {
  const details = [
    action.owner ? `${w(HEADINGS.owner)}: ${action.owner}` : null,
    action.dueDate ? `${w(HEADINGS.due)}: ${formatDue(action.dueDate, lang)}` : null,
  ].filter((d): d is string => d !== null);
  return details.length > 0 ? `${action.title} (${details.join(', ')})` : action.title;
}

function validActions(options: AgendaOptions): OpenActionItem[] {
  return (options.openActions ?? []).map((action) => OpenActionItemSchema.parse(action));
}

/** The agenda as plain text (for a mail or a plain-text event body). */
export function renderAgendaText(options: AgendaOptions): string {
  const w = options.translate;
  const actions = validActions(options);
  const lines = [w(HEADINGS.title), w(HEADINGS.basis), '', w(HEADINGS.inputs)];
  for (const input of REVIEW_INPUTS) {
    lines.push(`${input.marker} ${w(input.title)}`);
    if (input.clause === '9.3.2a') {
      if (actions.length === 0) lines.push(`   – ${w(HEADINGS.noOpenActions)}`);
      for (const action of actions) lines.push(`   – ${describeAction(action, options)}`);
    }
    for (const child of input.children ?? []) lines.push(`   ${child.marker} ${w(child.title)}`);
  }
  lines.push('', w(HEADINGS.outputs));
  for (const output of REVIEW_OUTPUTS) lines.push(`– ${w(output)}`);
  return lines.join('\n');
}

/**
 * The agenda as simple HTML (h2, p, h3, ol, ul, li only; every text escaped), for a calendar
 * event body.
 */
export function renderAgendaHtml(options: AgendaOptions): string {
  const w = options.translate;
  const e = escapeHtml;
  const actions = validActions(options);
  const inputItems = REVIEW_INPUTS.map((input) => {
    let inner = `${e(input.marker)} ${e(w(input.title))}`;
    if (input.clause === '9.3.2a') {
      const entries = actions.length === 0 ? [w(HEADINGS.noOpenActions)] : actions.map((a) => describeAction(a, options));
      inner += `<ul>${entries.map((entry) => `<li>${e(entry)}</li>`).join('')}</ul>`;
    }
    if (input.children) {
      inner += `<ol>${input.children.map((child) => `<li>${e(w(child.title))}</li>`).join('')}</ol>`;
    }
    return `<li>${inner}</li>`;
  }).join('');
  return [
    `<h2>${e(w(HEADINGS.title))}</h2>`,
    `<p>${e(w(HEADINGS.basis))}</p>`,
    `<h3>${e(w(HEADINGS.inputs))}</h3>`,
    `<ul>${inputItems}</ul>`,
    `<h3>${e(w(HEADINGS.outputs))}</h3>`,
    `<ul>${REVIEW_OUTPUTS.map((o) => `<li>${e(w(o))}</li>`).join('')}</ul>`,
  ].join('');
}
