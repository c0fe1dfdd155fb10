/**
 * The Teams meeting blob: the block with the join link that Outlook writes into the body of an
 * online meeting (shape of the documented example in "Create or set an event as an online meeting
 * in an Outlook calendar", https://learn.microsoft.com/en-us/graph/outlook-calendar-online-meetings).
 *
 * The service ties the meeting to that block: "Inadvertently removing the meeting blob from the
 * body would disable meeting online" (Update event, "body property and online meetings",
 * https://learn.microsoft.com/en-us/graph/api/event-update?view=graph-rest-1.0). A body counts as
 * keeping the blob when it still holds the meeting's join URL (a body without the Teams link makes
 * `onlineMeeting` null: microsoftgraph/microsoft-graph-docs-contrib#1895).
 */
import type { StoredEvent } from './model';

const DIVIDER =
  '<div style="width:100%; height:20px"><span style="white-space:nowrap; color:gray; opacity:.36">________________________________________________________________________________</span>\r\n</div>';

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function groupedConferenceId(conferenceId: string): string {
  return conferenceId.replace(/(\d{3})(?=\d)/g, '$1 ');
}

export function meetingBlobHtml(meeting: { joinUrl: string; conferenceId: string }): string {
  return [
    DIVIDER,
    `<div class="me-email-text" style="color:#252424; font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif">`,
    `<div style="margin-top:24px; margin-bottom:10px"><a class="me-email-headline" href="${escapeAttr(meeting.joinUrl)}" target="_blank" rel="noreferrer noopener" style="font-size:18px; text-decoration:underline; color:#6264a7">Join\r\n Microsoft Teams Meeting</a> </div>`,
    `<div style="margin-top:10px; margin-bottom:20px"><span style="font-size:12px">Conference ID:\r\n</span><span style="font-size:14px">${groupedConferenceId(meeting.conferenceId)}# </span></div>`,
    `<div style="margin-bottom:24px"><a class="me-email-link" target="_blank" href="https://aka.ms/JoinTeamsMeeting" rel="noreferrer noopener" style="font-size:12px; text-decoration:none; color:#6264a7">\r\nLearn more about Teams</a> </div>`,
    '</div>',
    DIVIDER,
  ].join('\r\n');
}

function meetingBlobText(meeting: { joinUrl: string; conferenceId: string }): string {
  return `\r\n${'_'.repeat(80)}\r\nJoin Microsoft Teams Meeting\r\n${meeting.joinUrl}\r\nConference ID: ${groupedConferenceId(meeting.conferenceId)}#\r\n${'_'.repeat(80)}\r\n`;
}

/** The body with the meeting blob added at its end (inside `<body>` when the HTML has one). */
export function withMeetingBlob(body: StoredEvent['body'], meeting: { joinUrl: string; conferenceId: string }): StoredEvent['body'] {
  if (body.contentType === 'text') return { contentType: 'text', content: body.content + meetingBlobText(meeting) };
  const blob = meetingBlobHtml(meeting);
  const close = body.content.search(/<\/body\s*>/i);
  const content = close >= 0 ? `${body.content.slice(0, close)}${blob}\r\n${body.content.slice(close)}` : `${body.content}\r\n${blob}`;
  return { contentType: 'html', content };
}

/** True when the body still carries the meeting's join link (as written, or HTML-escaped). */
export function keepsMeetingBlob(content: string, joinUrl: string): boolean {
  return content.includes(joinUrl) || content.includes(escapeAttr(joinUrl));
}
