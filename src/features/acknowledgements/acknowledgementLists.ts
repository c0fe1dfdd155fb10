/**
 * The two lists of staff acknowledgement (issue 15) on the evidence site:
 * - publications (`LIST_NAMES.publications`): what top management or the ISB published: the policy version (its
 *   evidence id and SHA-256), the policy text staff read, the objectives, the due date and the CEO's message. Only
 *   top management and the ISB add (setup: "Nur hinzufügen"), all staff read.
 * - acknowledgements (`LIST_NAMES.acknowledgements`): one item per "I have read and understood" (Kind `ack`, with
 *   the publication and the policy hash) and one per self-check answer (Kind `answer`, only right or wrong, no
 *   person and no link to the acknowledgement). SharePoint's createdBy/createdDateTime say who and when; staff
 *   read only their own (ReadSecurity=2, set by setup), top management, ISB and auditors read all.
 * Items that fail validation are skipped here and counted in `unreadable`.
 */
import { z } from 'zod';
import type { Acknowledgement, PersonRef, Publication, SelfCheckAnswer } from '../../domain';
import { GraphNotFoundError, LIST_NAMES, type ColumnDefinition, type GraphGateways, type ListItem, type ListItemsClient } from '../../graph';

export const PUBLICATION_COLUMNS: ColumnDefinition[] = [
  { name: 'PolicyEvidenceId', displayName: 'Nachweis-ID der Leitlinie', type: 'text', maxLength: 64, required: true },
  { name: 'PolicyTitle', displayName: 'Leitlinie', type: 'text', maxLength: 255 },
  { name: 'PolicySha256', displayName: 'SHA-256 der Leitlinie', type: 'text', maxLength: 64, indexed: true, required: true },
  { name: 'PolicyPreview', displayName: 'Text der Leitlinie', type: 'text', allowMultipleLines: true },
  { name: 'Objectives', displayName: 'Sicherheitsziele (JSON)', type: 'text', allowMultipleLines: true },
  { name: 'Distractors', displayName: 'Falsche Antworten im Selbsttest (JSON)', type: 'text', allowMultipleLines: true },
  { name: 'DueDate', displayName: 'Bestätigen bis', type: 'text', maxLength: 10 },
  { name: 'Message', displayName: 'Nachricht der Geschäftsführung', type: 'text', allowMultipleLines: true },
];

export const ACKNOWLEDGEMENT_COLUMNS: ColumnDefinition[] = [
  { name: 'Kind', displayName: 'Art', type: 'choice', choices: ['ack', 'answer'], required: true },
  { name: 'PublicationId', displayName: 'Veröffentlichung', type: 'text', maxLength: 64, indexed: true, required: true },
  { name: 'PolicySha256', displayName: 'SHA-256 der Leitlinie', type: 'text', maxLength: 64 },
  { name: 'Correct', displayName: 'Richtig beantwortet', type: 'boolean' },
];

type Graph = Pick<GraphGateways, 'sites' | 'lists' | 'listItems'>;

/** Creates the lists setup found missing (called from setup's provisioning). */
export async function provisionAcknowledgementLists(graph: Pick<GraphGateways, 'lists'>, siteId: string, missing: readonly string[]): Promise<void> {
  if (missing.includes('publications')) {
    await graph.lists.create(siteId, { displayName: LIST_NAMES.publications, description: 'Chefsache: Leitlinie und Ziele, den Mitarbeitenden zur Kenntnisnahme veröffentlicht. Nur hinzufügen.', template: 'genericList', columns: PUBLICATION_COLUMNS });
  }
  if (missing.includes('acknowledgements')) {
    await graph.lists.create(siteId, { displayName: LIST_NAMES.acknowledgements, description: 'Chefsache: Kenntnisnahmen der Mitarbeitenden (wer und wann: „Erstellt von“, „Erstellt“) und anonyme Selbsttest-Antworten.', template: 'genericList', columns: ACKNOWLEDGEMENT_COLUMNS });
  }
}

const sha = z.string().regex(/^[0-9a-fA-F]{64}$/);
const jsonList = z.string().transform((text, ctx) => {
  try {
    return z.array(z.string()).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a JSON list of strings' });
    return z.NEVER;
  }
});
const publicationFields = z.looseObject({
  PolicyEvidenceId: z.string().min(1),
  PolicyTitle: z.string().default(''),
  PolicySha256: sha,
  PolicyPreview: z.string().default(''),
  Objectives: jsonList,
  Distractors: jsonList.default([]),
  DueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  Message: z.string().default(''),
});
const entryFields = z.discriminatedUnion('Kind', [
  z.looseObject({ Kind: z.literal('ack'), PublicationId: z.string().min(1), PolicySha256: sha }),
  z.looseObject({ Kind: z.literal('answer'), PublicationId: z.string().min(1), Correct: z.boolean() }),
]);

function personOf(item: ListItem): PersonRef | undefined {
  const by = item.createdBy;
  if (!by?.id && !by?.email) return undefined;
  return { ...(by.id ? { id: by.id } : {}), ...(by.email ? { upn: by.email } : {}), displayName: by.displayName ?? by.email ?? by.id ?? '?' };
}

export interface AcknowledgementRecords {
  publications: Publication[];
  /** What this user may read: staff only their own (SharePoint filters), the others all. */
  acknowledgements: Acknowledgement[];
  answers: SelfCheckAnswer[];
  /** Items that fail validation (shown as a count, never dropped silently). */
  unreadable: number;
}

/** A publication as written: SharePoint sets its id, created date and createdBy. */
export type PublishInput = Omit<Publication, 'id' | 'publishedAt' | 'publishedBy'>;

export interface AcknowledgementLists {
  /** False when the lists are missing or hidden from this user (setup not run, or no access). */
  read(): Promise<AcknowledgementRecords | undefined>;
  publish(input: PublishInput): Promise<Publication>;
  acknowledge(publication: Pick<Publication, 'id' | 'policySha256'>): Promise<void>;
  answer(publication: Pick<Publication, 'id'>, correct: boolean): Promise<void>;
}

export class AcknowledgementListsMissingError extends Error {
  override readonly name = 'AcknowledgementListsMissingError';
  constructor() {
    super(`The lists "${LIST_NAMES.publications}" and "${LIST_NAMES.acknowledgements}" are missing: a site owner runs setup again.`);
  }
}

export function createAcknowledgementLists(graph: Graph, siteUrl: string): AcknowledgementLists {
  let clients: Promise<{ publications: ListItemsClient; acknowledgements: ListItemsClient } | undefined> | undefined;
  const open = () =>
    (clients ??= (async () => {
      const site = await graph.sites.fromWebUrl(siteUrl);
      try {
        const [p, a] = await Promise.all([graph.lists.get(site.id, LIST_NAMES.publications), graph.lists.get(site.id, LIST_NAMES.acknowledgements)]);
        return { publications: graph.listItems.forList(site.id, p.id), acknowledgements: graph.listItems.forList(site.id, a.id) };
      } catch (error) {
        if (error instanceof GraphNotFoundError) return undefined;
        throw error;
      }
    })());
  const required = async () => {
    const c = await open();
    if (!c) throw new AcknowledgementListsMissingError();
    return c;
  };
  const toPublication = (item: ListItem): Publication | undefined => {
    const parsed = publicationFields.safeParse(item.fields);
    if (!parsed.success) return undefined;
    const f = parsed.data;
    const by = personOf(item);
    return {
      id: item.id,
      policyEvidenceId: f.PolicyEvidenceId,
      policyTitle: f.PolicyTitle,
      policySha256: f.PolicySha256.toLowerCase(),
      policyPreview: f.PolicyPreview,
      objectives: f.Objectives,
      distractors: f.Distractors,
      dueDate: f.DueDate,
      message: f.Message,
      publishedAt: item.createdDateTime ?? '',
      ...(by ? { publishedBy: by } : {}),
    };
  };
  return {
    read: async () => {
      const c = await open();
      if (!c) return undefined;
      const [pubItems, entryItems] = await Promise.all([c.publications.queryAll(), c.acknowledgements.queryAll()]);
      const records: AcknowledgementRecords = { publications: [], acknowledgements: [], answers: [], unreadable: 0 };
      for (const item of pubItems) {
        const p = toPublication(item);
        if (p) records.publications.push(p);
        else records.unreadable++;
      }
      for (const item of entryItems) {
        const parsed = entryFields.safeParse(item.fields);
        const person = personOf(item);
        if (!parsed.success) records.unreadable++;
        else if (parsed.data.Kind === 'answer') records.answers.push({ publicationId: parsed.data.PublicationId, correct: parsed.data.Correct });
        else if (person) records.acknowledgements.push({ id: item.id, publicationId: parsed.data.PublicationId, policySha256: parsed.data.PolicySha256.toLowerCase(), person, at: item.createdDateTime ?? '' });
        else records.unreadable++;
      }
      return records;
    },
    publish: async (input) => {
      const c = await required();
      const item = await c.publications.create({
        Title: input.policyTitle.slice(0, 255),
        PolicyEvidenceId: input.policyEvidenceId,
        PolicyTitle: input.policyTitle.slice(0, 255),
        PolicySha256: input.policySha256,
        PolicyPreview: input.policyPreview,
        Objectives: JSON.stringify(input.objectives),
        Distractors: JSON.stringify(input.distractors),
        DueDate: input.dueDate,
        Message: input.message,
      });
      const publication = toPublication(item);
      if (!publication) throw new Error('SharePoint returned the publication with fields Chefsache cannot read.');
      return publication;
    },
    acknowledge: async (publication) => {
      const c = await required();
      await c.acknowledgements.create({ Title: 'ack', Kind: 'ack', PublicationId: publication.id, PolicySha256: publication.policySha256 });
    },
    answer: async (publication, correct) => {
      const c = await required();
      await c.acknowledgements.create({ Title: 'answer', Kind: 'answer', PublicationId: publication.id, Correct: correct });
    },
  };
}
