/**
 * The invitation body: the 9.3 agenda in the attendees' languages (German first; English added when
 * someone prefers it), with the open actions from earlier reviews under input a). Text is escaped
 * by the domain's renderer; the result contains only h2, h3, p, ul, ol, li and hr.
 */
import { renderAgendaHtml, type Lang, type OpenActionItem } from '../../domain';
import type { Attendee } from './booking';

export function agendaLanguages(attendees: readonly Pick<Attendee, 'lang'>[]): Lang[] {
  const langs = new Set<Lang>(attendees.map((a) => a.lang));
  if (langs.size === 0) return ['de'];
  return (['de', 'en'] as const).filter((l) => langs.has(l));
}

export function invitationBody(attendees: readonly Pick<Attendee, 'lang'>[], openActions: readonly OpenActionItem[]): string {
  return agendaLanguages(attendees)
    .map((lang) => renderAgendaHtml({ lang, openActions }))
    .join('<hr>');
}

export const REVIEW_SUBJECT = { de: 'Management-Review Informationssicherheit (ISO/IEC 27001, 9.3)', en: 'Information security management review (ISO/IEC 27001, 9.3)' };
