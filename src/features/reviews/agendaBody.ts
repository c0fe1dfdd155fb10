/**
 * The invitation body: the 9.3 agenda in the attendees' languages (German first; English added when
 * someone prefers it), with the open actions from earlier reviews under input a). Text is escaped
 * by the domain's renderer; the agenda contains only h2, h3, p, ul, ol, li and hr, inside one
 * `<div class="chefsache-agenda">` so that a later change replaces only Chefsache's block and leaves
 * the rest of the body (Outlook's Teams meeting blob, anything the organizer added) as it is.
 */
import { renderAgendaHtml, type Language, type OpenActionItem } from '../../domain';
import { createTranslator, translateMessage } from '../../i18n';
import type { Attendee } from './booking';

const AGENDA_CLASS = 'chefsache-agenda';

export function agendaLanguages(attendees: readonly Pick<Attendee, 'lang'>[]): Language[] {
  const langs = new Set<Language>(attendees.map((a) => a.lang));
  if (langs.size === 0) return ['de'];
  return (['de', 'en'] as const).filter((l) => langs.has(l));
}

export function invitationBody(attendees: readonly Pick<Attendee, 'lang'>[], openActions: readonly OpenActionItem[]): string {
  const agenda = agendaLanguages(attendees)
    .map((lang) => {
      const t = createTranslator(lang);
      return renderAgendaHtml({ lang, translate: (text) => translateMessage(t, text), openActions });
    })
    .join('<hr>');
  return `<div class="${AGENDA_CLASS}">${agenda}</div>`;
}

const AGENDA_OPEN = new RegExp(`<div\\b[^>]*\\bclass\\s*=\\s*["']?[^"'>]*\\b${AGENDA_CLASS}\\b[^>]*>`, 'i');

/**
 * The event body with Chefsache's agenda block replaced by `agenda` and everything else kept.
 * Without a block (a body written by hand or by an older version) the agenda goes first.
 */
export function replaceAgenda(body: string, agenda: string): string {
  const open = AGENDA_OPEN.exec(body);
  if (open) {
    const tags = /<(\/?)div\b[^>]*>/gi;
    tags.lastIndex = open.index + open[0].length;
    let depth = 1;
    for (let tag = tags.exec(body); tag; tag = tags.exec(body)) {
      depth += tag[1] ? -1 : 1;
      if (depth === 0) return body.slice(0, open.index) + agenda + body.slice(tag.index + tag[0].length);
    }
  }
  const bodyTag = /<body\b[^>]*>/i.exec(body);
  if (!bodyTag) return agenda + body;
  const at = bodyTag.index + bodyTag[0].length;
  return body.slice(0, at) + agenda + body.slice(at);
}

/** The series' subject: English only when every attendee prefers English, else German (as the agenda's first language). */
export function invitationSubject(attendees: readonly Pick<Attendee, 'lang'>[]): string {
  const langs = agendaLanguages(attendees);
  return createTranslator(langs.length === 1 && langs[0] === 'en' ? 'en' : 'de')('reviews.invitation.subject');
}
