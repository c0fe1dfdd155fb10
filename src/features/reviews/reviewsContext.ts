/**
 * What the parts of the reviews service share for one signed-in user: the gateways, the records in
 * SharePoint, the clock, the review people (loaded once) and the active series.
 */
import type { GraphGateways } from '../../graph';
import type { EvidenceStore } from '../evidence/evidenceStore';
import type { Minutes } from './minutes';
import { loadReviewPeople, type ReviewPeople } from './people';
import { createReviewRecords, type ReviewRecords, type SeriesRecord, type Stored } from './reviewRecords';

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

export interface ReviewsContext {
  options: ReviewsServiceOptions;
  graph: GraphGateways;
  evidence: EvidenceStore;
  records: ReviewRecords;
  clock: () => Date;
  people(): Promise<ReviewPeople>;
  /** The booked series, unless it was cancelled. */
  activeSeries(): Promise<Stored<SeriesRecord> | undefined>;
  minutesFor(occurrenceStart: string): Promise<Stored<Minutes> | undefined>;
}

export const iso = (d: Date) => d.toISOString();

export function createReviewsContext(options: ReviewsServiceOptions): ReviewsContext {
  const { graph } = options;
  const records = options.records ?? createReviewRecords(graph, options.siteUrl);
  let peopleCache: Promise<ReviewPeople> | undefined;
  return {
    options,
    graph,
    evidence: options.evidence,
    records,
    clock: options.clock ?? (() => new Date()),
    people: () => (peopleCache ??= loadReviewPeople(graph, options.siteUrl)),
    async activeSeries() {
      const s = await records.series();
      return s && !s.value.cancelledAt ? s : undefined;
    },
    async minutesFor(occurrenceStart) {
      return (await records.allMinutes()).find((m) => m.value.occurrenceStart === iso(new Date(occurrenceStart)));
    },
  };
}
