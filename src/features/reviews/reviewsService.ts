/**
 * Management reviews (ISO/IEC 27001:2022 9.3) for one signed-in user: book the quarterly series
 * (one Outlook series with a Teams meeting, agenda in the attendees' languages), reschedule and
 * cancel it, capture attendance and transcripts as evidence, keep minutes per occurrence in
 * SharePoint, sign them (top management only) into a PDF that becomes evidence, and sync action
 * items with To Do. State lives in SharePoint ("Chefsache Protokolle") and the evidence store.
 */
import { eventSourceKey, sha256Hex, sha256HexSync, trustedSignature, type Language, type Role, type TrustedSignature } from '../../domain';
import { GraphConflictError, type GraphGateways } from '../../graph';
import type { EvidenceStore } from '../evidence/evidenceStore';
import type { RecordLabelOutcome } from '../evidence/recordLabel';
import { openActionItems, syncMyActions, toAgendaActions } from './actionItems';
import { agendaLanguages, invitationBody, REVIEW_SUBJECT } from './agendaBody';
import { captureArtifacts, type OccurrenceArtifacts } from './artifacts';
import { artifactsOnFile, mergeArtifacts } from './artifactStates';
import { BookingRequestSchema, missingRequiredAttendees, occurrenceStarts, quarterlyRecurrence, wallEnd, type BookingRequest } from './booking';
import { canonicalContent, changeMinutes, emptyMinutes, mayEditMinutes, MinutesNotAllowedError, signMinutes, type Minutes, type MinutesChange, type Passage } from './minutes';
import { checkMinutesSignatures, type SignatureCheck } from './minutesChecks';
import { loadReviewPeople, type ReviewPeople } from './people';
import { createReviewRecords, type ReviewRecords, type SeriesRecord, type Stored } from './reviewRecords';
import { saveSigned, signedPdfSummary, storeSignedPdf, type SigningDeps } from './signing';
import { addSignatureRecord, evidenceSnapshot, reviewMembership, signatureRecords } from './signatureRecords';
import { pastOccurrences } from './pastOccurrences';
import { parseVtt } from './transcript';
import { ReviewsError } from './errors';
import { createTeamsSeries, rewriteInvitation } from './teamsMeeting';

export interface ReviewsServiceOptions {
  graph: GraphGateways;
  evidence: EvidenceStore;
  siteUrl: string;
  /** Link back to the reviews view (To Do tasks). */
  appUrl: string;
  companyName: string;
  clock?: () => Date;
  records?: ReviewRecords;
}

export interface ReviewsOverview {
  people: ReviewPeople;
  series?: Stored<SeriesRecord>;
  /** Next occurrences (UTC ISO), up to four. */
  upcoming: string[];
  /** Past occurrences (UTC ISO), most recent first: of the series and of every minutes on file, the latest four plus older ones awaiting a signature. */
  past: string[];
  minutes: Record<string, Stored<Minutes>>;
  /** From the last capture run of this session (organizer only). */
  artifacts: Record<string, OccurrenceArtifacts>;
  openActions: ReturnType<typeof openActionItems>;
  isOrganizer: boolean;
  maySign: boolean;
  /** Top management and the ISB edit minutes (auditors and staff read). */
  mayEdit: boolean;
  /** Per occurrence: the latest signature (current or superseded) checked against the signature records. */
  signatureChecks: Record<string, SignatureCheck>;
}

export type { SignatureCheck } from './minutesChecks';

const iso = (d: Date) => d.toISOString();

export interface ReviewsService {
  overview(): Promise<ReviewsOverview>;
  book(request: BookingRequest): Promise<Stored<SeriesRecord>>;
  reschedule(request: BookingRequest): Promise<Stored<SeriesRecord>>;
  cancel(comment?: string): Promise<void>;
  /** Captures attendance and transcripts of past occurrences and prefills minutes from them. */
  captureArtifacts(): Promise<OccurrenceArtifacts[]>;
  /**
   * Saves a change. With `basedOn` (the etag the editor loaded; null = it started from empty minutes) a change
   * someone else saved in between is refused (GraphPreconditionFailedError / GraphConflictError), never overwritten.
   */
  saveMinutes(occurrenceStart: string, change: MinutesChange, basedOn?: string | null): Promise<Stored<Minutes>>;
  /** `recordLabel`: whether the configured record label now protects the signed PDF (absent when none is configured). */
  sign(occurrenceStart: string, lang: Language): Promise<Stored<Minutes> & { recordLabel?: RecordLabelOutcome }>;
  /** Passages of the captured transcript of an occurrence, or undefined when none was captured. */
  transcript(occurrenceStart: string): Promise<Passage[] | undefined>;
  syncActions(): Promise<number>;
  /**
   * Organizer only: rewrites the agenda block of the invitation when the open actions (input a) changed; true
   * when it did. The Teams meeting blob stays; `meetingLost` when the series has no join link afterwards.
   */
  refreshAgenda(): Promise<boolean>;
}

export function createReviewsService(options: ReviewsServiceOptions): ReviewsService {
  const { graph, evidence } = options;
  const clock = options.clock ?? (() => new Date());
  const records = options.records ?? createReviewRecords(graph, options.siteUrl);
  let peopleCache: Promise<ReviewPeople> | undefined;
  const people = () => (peopleCache ??= loadReviewPeople(graph, options.siteUrl));
  const artifacts: Record<string, OccurrenceArtifacts> = {};

  /** The latest signature of each minutes against the signature records (none when the list is missing). */
  const checkSignatures = async (all: readonly Stored<Minutes>[], p: ReviewPeople): Promise<Record<string, SignatureCheck>> => {
    if (!all.some((m) => m.value.signature ?? m.value.history.at(-1))) return {};
    return checkMinutesSignatures(all, (await signatureRecords(graph, options.siteUrl)).records, await reviewMembership(graph, p));
  };

  const activeSeries = async () => {
    const s = await records.series();
    return s && !s.value.cancelledAt ? s : undefined;
  };

  const minutesFor = async (occurrenceStart: string) => (await records.allMinutes()).find((m) => m.value.occurrenceStart === iso(new Date(occurrenceStart)));

  const eventInput = async (request: BookingRequest) => {
    const all = await records.allMinutes();
    const actions = toAgendaActions(openActionItems(all));
    const langs = agendaLanguages(request.attendees);
    return {
      subject: REVIEW_SUBJECT[langs.length === 1 && langs[0] === 'en' ? 'en' : 'de'],
      bodyHtml: invitationBody(request.attendees, actions),
      start: { dateTime: `${request.firstDate}T${request.time}:00`, timeZone: request.timeZone },
      end: { dateTime: wallEnd(request.firstDate, request.time, request.durationMinutes), timeZone: request.timeZone },
      attendees: request.attendees.map((a) => ({ address: a.upn, name: a.displayName, type: 'required' as const })),
      recurrence: quarterlyRecurrence(request),
    };
  };

  const validate = async (input: BookingRequest) => {
    const request = BookingRequestSchema.parse(input);
    const p = await people();
    const missing = missingRequiredAttendees(request, [...p.topManagement, ...p.isb]);
    if (missing.length > 0) throw new ReviewsError('missingAttendees', missing.map((m) => m.displayName).join(', '));
    return request;
  };

  const recordBooking = async (series: SeriesRecord) => {
    const next = occurrenceStarts(series, clock(), 1)[0];
    if (!next) return;
    await evidence.capture({
      title: `Management-Review gebucht für ${iso(next).slice(0, 10)}`,
      type: 'reviewBooking',
      clauses: ['9.3.1'],
      source: 'outlookCalendar',
      sourceKey: eventSourceKey(series.eventId, next),
      effectiveDate: iso(clock()),
      scheduledFor: iso(next),
      summary: `${series.organizer.displayName}: ${series.firstDate} ${series.time} (${series.timeZone}), ${series.durationMinutes} min, ${series.attendees.map((a) => a.displayName).join(', ')}`,
      participants: series.attendees.map((a) => ({ ...(a.id ? { id: a.id } : {}), upn: a.upn, displayName: a.displayName })),
      content: { fileName: `Buchung-${iso(next).slice(0, 10)}.json`, contentType: 'application/json', bytes: new TextEncoder().encode(JSON.stringify(series, null, 2)) },
    });
  };

  const prefillFromAttendance = async (state: OccurrenceArtifacts) => {
    if (state.attendance !== 'captured' || (await minutesFor(state.occurrenceStart))) return;
    const p = await people();
    const top = new Set(p.topManagement.map((t) => t.upn.toLowerCase()));
    const all = await records.allMinutes();
    const open = openActionItems(all, new Date(state.occurrenceStart));
    const minutes = changeMinutes(emptyMinutes(iso(new Date(state.occurrenceStart))), {
      participants: state.attendees.map((a) => ({ displayName: a.displayName, ...(a.upn ? { upn: a.upn } : {}), ...(a.id ? { id: a.id } : {}), attendedSeconds: a.seconds, topManagement: a.upn ? top.has(a.upn.toLowerCase()) : false })),
      inputs: { a: open.map((a) => `- ${a.title} (${a.owner.displayName}, ${a.dueDate})`).join('\n'), b: '', c: '', d: '', e: '', f: '', g: '' },
    });
    try {
      await records.saveMinutes(minutes);
    } catch (error) {
      if (!(error instanceof GraphConflictError)) throw error; // someone else prefilled it first
    }
  };

  return {
    async overview() {
      const [p, series, all] = await Promise.all([people(), activeSeries(), records.allMinutes()]);
      const now = clock();
      const upcoming = series ? occurrenceStarts(series.value, now, 4).map(iso) : [];
      if (series && upcoming.length > 0) await recordBooking(series.value).catch(() => undefined);
      const seriesPast = series
        ? occurrenceStarts(series.value, new Date(0), 200)
            .filter((s) => s.getTime() + series.value.durationMinutes * 60_000 <= now.getTime())
            .map(iso)
        : [];
      // Minutes outlive a rescheduled or cancelled series: their reviews stay listed (and signable).
      const past = pastOccurrences({ seriesPast, minutes: all.map((m) => m.value), now });
      const isOrganizer = series ? series.value.organizer.upn.toLowerCase() === p.me.upn.toLowerCase() : false;
      const signatureChecks = await checkSignatures(all, p);
      const fromEvidence = past.length > 0 ? await artifactsOnFile(evidence, past, isOrganizer) : {};
      return {
        people: p,
        ...(series ? { series } : {}),
        upcoming,
        past,
        minutes: Object.fromEntries(all.map((m) => [m.value.occurrenceStart, m])),
        artifacts: mergeArtifacts(fromEvidence, artifacts),
        openActions: openActionItems(all),
        isOrganizer,
        maySign: (p.myRoles as Role[]).includes('topManagement') && !p.myRoles.includes('auditor'),
        mayEdit: mayEditMinutes(p.myRoles),
        signatureChecks,
      };
    },

    async book(input) {
      const existing = await activeSeries();
      if (existing) throw new ReviewsError('alreadyBooked', existing.value.firstDate);
      const request = await validate(input);
      await Promise.all([records.provision(), evidence.provision()]);
      const p = await people();
      const invitation = await eventInput(request);
      const event = await createTeamsSeries(graph, { ...invitation, transactionId: globalThis.crypto.randomUUID() });
      const value: SeriesRecord = {
        eventId: event.id,
        organizer: p.me,
        joinUrl: event.joinUrl,
        firstDate: request.firstDate,
        time: request.time,
        timeZone: request.timeZone,
        durationMinutes: request.durationMinutes,
        end: request.end,
        attendees: request.attendees,
        bookedAt: iso(clock()),
        agendaSha256: await sha256Hex(invitation.bodyHtml),
      };
      const previous = await records.series();
      let stored: Stored<SeriesRecord>;
      try {
        stored = await records.saveSeries(value, previous?.etag);
      } catch (error) {
        // Someone booked at the same moment: keep theirs, withdraw ours.
        await graph.calendar.cancel(event.id, 'Doppelte Buchung zurückgezogen / duplicate booking withdrawn').catch(() => undefined);
        if (error instanceof GraphConflictError) throw new ReviewsError('alreadyBooked', value.firstDate);
        throw error;
      }
      await recordBooking(value);
      return stored;
    },

    async reschedule(input) {
      const series = await activeSeries();
      if (!series) throw new ReviewsError('notBooked', '');
      const request = await validate(input);
      const { bodyHtml, ...changes } = await eventInput(request);
      const joinUrl = await rewriteInvitation(graph, series.value.eventId, bodyHtml, changes);
      const value: SeriesRecord = { ...series.value, agendaSha256: await sha256Hex(bodyHtml), ...(joinUrl ? { joinUrl } : {}), firstDate: request.firstDate, time: request.time, timeZone: request.timeZone, durationMinutes: request.durationMinutes, end: request.end, attendees: request.attendees };
      const stored = await records.saveSeries(value, series.etag);
      await recordBooking(value);
      if (!joinUrl) throw new ReviewsError('meetingLost', '');
      return stored;
    },

    async cancel(comment) {
      const series = await activeSeries();
      if (!series) throw new ReviewsError('notBooked', '');
      await graph.calendar.cancel(series.value.eventId, comment);
      await records.saveSeries({ ...series.value, cancelledAt: iso(clock()) }, series.etag);
    },

    async captureArtifacts() {
      const series = await activeSeries();
      const p = await people();
      if (!series || !series.value.joinUrl) return [];
      if (series.value.organizer.upn.toLowerCase() !== p.me.upn.toLowerCase()) return [];
      const states = await captureArtifacts({ graph, evidence, eventId: series.value.eventId, joinUrl: series.value.joinUrl, now: clock() });
      for (const state of states) {
        artifacts[iso(new Date(state.occurrenceStart))] = state;
        await prefillFromAttendance(state);
      }
      return states;
    },

    async saveMinutes(occurrenceStart, change, basedOn) {
      if (!mayEditMinutes((await people()).myRoles)) {
        throw new MinutesNotAllowedError({ de: 'Protokolle bearbeiten nur die Geschäftsführung und der/die ISB.', en: 'Only top management and the ISB edit minutes.' });
      }
      await records.provision();
      const start = iso(new Date(occurrenceStart));
      const stored = await minutesFor(start);
      const next = changeMinutes(stored?.value ?? emptyMinutes(start), change);
      // The editor's version: a create (null) collides on the unique key, a stale etag gets 412.
      const etag = basedOn === undefined ? stored?.etag : (basedOn ?? undefined);
      return records.saveMinutes(next, etag);
    },

    async sign(occurrenceStart, lang) {
      const stored = await minutesFor(occurrenceStart);
      if (!stored) throw new ReviewsError('noMinutes', occurrenceStart);
      const p = await people();
      const signed = await signMinutes(stored.value, { person: p.me, roles: p.myRoles, at: clock() });
      // What the evidence looked like when signing: digest over id|version|sha of every item, printed in the PDF.
      const snapshot = evidenceSnapshot(await evidence.sync());
      const minutes: Minutes = { ...signed.minutes, signature: { ...signed.minutes.signature!, evidenceDigest: snapshot.digest, evidenceCount: snapshot.count } };
      const day = minutes.occurrenceStart.slice(0, 10);
      const deps: SigningDeps = {
        evidence,
        records,
        // pdf-lib loads when someone signs, not with the Reviews section.
        render: async (m, language) => (await import('./minutesPdf')).renderMinutesPdf(m, { lang: language, companyName: options.companyName, timeZone: 'Europe/Berlin' }),
        reload: () => minutesFor(occurrenceStart),
      };
      const pdf = await storeSignedPdf(minutes, lang, deps, (sourceKey, bytes) => ({
        title: `Protokoll Management-Review ${day} (Fassung ${minutes.version})`,
        type: 'reviewMinutes',
        clauses: ['9.3', '9.3.3', '5.1e', '5.1g'],
        source: 'manual',
        sourceKey,
        effectiveDate: minutes.signature!.at,
        signedBy: { ...(p.me.id ? { id: p.me.id } : {}), upn: p.me.upn, displayName: p.me.displayName },
        participants: minutes.participants
          .filter((x) => x.id !== undefined || x.upn !== undefined)
          .map((x) => ({ ...(x.id ? { id: x.id } : {}), ...(x.upn ? { upn: x.upn } : {}), displayName: x.displayName })),
        summary: signedPdfSummary(minutes),
        content: { fileName: `Protokoll-Management-Review-${day}-v${minutes.version}.pdf`, contentType: 'application/pdf', bytes },
      }));
      const linked = pdf.minutes;
      const signature = linked.signature!;
      // The signature record: SharePoint's createdBy there is the proof of who signed (top management only).
      const record = await addSignatureRecord(graph.records, options.siteUrl, {
        occurrenceStart: linked.occurrenceStart,
        minutesVersion: linked.version,
        minutesSha256: signature.sha256,
        ...(signature.evidenceId ? { pdfEvidenceId: signature.evidenceId } : {}),
        ...(pdf.pdfSha256 ? { pdfSha256: pdf.pdfSha256 } : {}),
        evidenceDigest: signature.evidenceDigest ?? snapshot.digest,
        evidenceCount: signature.evidenceCount ?? snapshot.count,
        ...(signature.evidenceDigest === snapshot.digest ? { entries: snapshot.lines } : {}),
      });
      const saved = await saveSigned({ ...linked, signature: { ...signature, recordId: record.id } }, stored.etag, deps);
      // The signature stands whatever happens to the label (applyRecordLabel never throws).
      const recordLabel = pdf.pdfContentItemId && evidence.applyRecordLabel ? await evidence.applyRecordLabel({ contentItemId: pdf.pdfContentItemId }) : undefined;
      return { ...saved, ...(recordLabel && recordLabel.state !== 'notConfigured' ? { recordLabel } : {}) };
    },

    async transcript(occurrenceStart) {
      const start = iso(new Date(occurrenceStart));
      const page = await evidence.query({ types: ['meetingTranscript'], pageSize: 100 });
      // One transcript per session: all of them, in the order they were made.
      const items = page.items
        .filter((i) => i.sourceKey.endsWith(`@${start.replace(/\.\d{3}Z$/, 'Z')}`))
        .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
      if (items.length === 0) return undefined;
      const passages: Passage[] = [];
      for (const item of items) passages.push(...parseVtt(new TextDecoder().decode(await evidence.content(item))));
      return passages;
    },

    async refreshAgenda() {
      const series = await activeSeries();
      const p = await people();
      if (!series || series.value.organizer.upn.toLowerCase() !== p.me.upn.toLowerCase()) return false;
      const actions = toAgendaActions(openActionItems(await records.allMinutes()));
      const bodyHtml = invitationBody(series.value.attendees, actions);
      const sha = await sha256Hex(bodyHtml);
      if (sha === series.value.agendaSha256) return false;
      const joinUrl = await rewriteInvitation(graph, series.value.eventId, bodyHtml);
      await records.saveSeries({ ...series.value, agendaSha256: sha, ...(joinUrl ? { joinUrl } : {}) }, series.etag);
      if (!joinUrl) throw new ReviewsError('meetingLost', '');
      return true;
    },

    async syncActions() {
      const p = await people();
      return syncMyActions({ graph, records, me: p.me, appUrl: options.appUrl, timeZone: 'Europe/Berlin', now: clock() });
    },
  };
}

export { MinutesNotAllowedError };
