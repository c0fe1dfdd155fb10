/**
 * Management reviews (ISO/IEC 27001:2022 9.3) for one signed-in user: book the quarterly series
 * (one Outlook series with a Teams meeting, agenda in the attendees' languages), reschedule and
 * cancel it, capture attendance and transcripts as evidence, keep minutes per occurrence in
 * SharePoint, sign them (top management only) into a PDF that becomes evidence, and sync action
 * items with To Do. State lives in SharePoint ("Chefsache Protokolle") and the evidence store.
 */
import type { Language, Role } from '../../domain';
import { GraphConflictError } from '../../graph';
import type { RecordLabelOutcome } from '../evidence/recordLabel';
import { openActionItems, syncMyActions } from './actionItems';
import { captureArtifacts, type OccurrenceArtifacts } from './artifacts';
import { artifactsOnFile, mergeArtifacts } from './artifactStates';
import { occurrenceStarts, type BookingRequest } from './booking';
import { changeMinutes, emptyMinutes, mayEditMinutes, MinutesNotAllowedError, type Minutes, type MinutesChange, type Passage } from './minutes';
import { checkMinutesSignatures, type SignatureCheck } from './minutesChecks';
import type { ReviewPeople } from './people';
import { createReviewsContext, iso, type ReviewsServiceOptions } from './reviewsContext';
import type { SeriesRecord, Stored } from './reviewRecords';
import { createSeriesBooking, recordBooking } from './seriesBooking';
import { signOccurrence } from './signOccurrence';
import { reviewMembership, signatureRecords } from './signatureRecords';
import { pastOccurrences } from './pastOccurrences';
import { parseVtt } from './transcript';

export type { ReviewsServiceOptions } from './reviewsContext';

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
  const ctx = createReviewsContext(options);
  const { graph, evidence, records, clock, people } = ctx;
  const booking = createSeriesBooking(ctx);
  const artifacts: Record<string, OccurrenceArtifacts> = {};

  /** The latest signature of each minutes against the signature records (none when the list is missing). */
  const checkSignatures = async (all: readonly Stored<Minutes>[], p: ReviewPeople): Promise<Record<string, SignatureCheck>> => {
    if (!all.some((m) => m.value.signature ?? m.value.history.at(-1))) return {};
    return checkMinutesSignatures(all, (await signatureRecords(graph, options.siteUrl)).records, await reviewMembership(graph, p));
  };

  const prefillFromAttendance = async (state: OccurrenceArtifacts) => {
    if (state.attendance !== 'captured' || (await ctx.minutesFor(state.occurrenceStart))) return;
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
      const [p, series, all] = await Promise.all([people(), ctx.activeSeries(), records.allMinutes()]);
      const now = clock();
      const upcoming = series ? occurrenceStarts(series.value, now, 4).map(iso) : [];
      if (series && upcoming.length > 0) await recordBooking(ctx, series.value).catch(() => undefined);
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

    book: booking.book,
    reschedule: booking.reschedule,
    cancel: booking.cancel,
    refreshAgenda: booking.refreshAgenda,

    async captureArtifacts() {
      const series = await ctx.activeSeries();
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
      if (!mayEditMinutes((await people()).myRoles)) throw new MinutesNotAllowedError('editRole');
      await records.provision();
      const start = iso(new Date(occurrenceStart));
      const stored = await ctx.minutesFor(start);
      const next = changeMinutes(stored?.value ?? emptyMinutes(start), change);
      // The editor's version: a create (null) collides on the unique key, a stale etag gets 412.
      const etag = basedOn === undefined ? stored?.etag : (basedOn ?? undefined);
      return records.saveMinutes(next, etag);
    },

    sign: (occurrenceStart, lang) => signOccurrence(ctx, occurrenceStart, lang),

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

    async syncActions() {
      const p = await people();
      return syncMyActions({ graph, records, me: p.me, appUrl: options.appUrl, timeZone: 'Europe/Berlin', now: clock() });
    },
  };
}

export { MinutesNotAllowedError };
