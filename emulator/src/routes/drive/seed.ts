/**
 * Demo documents in the ISMS team site's library "Dokumente": an older information security
 * policy (2024), the org chart and the 2026 budget workbook. Runs after the SharePoint seed.
 */
import type { SeedContext } from '../../module';
import { findUser } from '../identity/directory';
import type { IdentityRecord } from '../sharepoint/model';
import { lists } from '../sharepoint/repo';
import { DOCUMENTS_LIBRARY_ID } from '../sharepoint/seed';
import { mimeTypeFor } from './mimeTypes';
import { uploadFile } from '../sharepoint/library/repo';
import { simplePdf, simpleXlsx } from './sampleFiles';

const DAY = 24 * 3600 * 1000;

function person(ctx: SeedContext, upnAlias: string): IdentityRecord {
  const user = findUser(ctx.store, `${upnAlias}@${ctx.tenant.domain}`);
  if (!user?.id) throw new Error(`Seed user ${upnAlias} is missing.`);
  return { id: user.id, displayName: user.displayName ?? upnAlias, email: user.mail ?? user.userPrincipalName ?? undefined };
}

export function seedDocuments(ctx: SeedContext): void {
  const library = lists(ctx.store).get(DOCUMENTS_LIBRARY_ID);
  if (!library?.data.driveId) throw new Error('The ISMS document library is not seeded.');
  const driveId = library.data.driveId;
  const documents: { path: string; bytes: Buffer; author: string; daysAgo: number }[] = [
    {
      path: 'Informationssicherheitsleitlinie_2024.pdf',
      author: 'jonas.weber',
      daysAgo: 980,
      bytes: simplePdf('Informationssicherheitsleitlinie der Muster GmbH (Stand 2024)', [
        'Die Geschäftsführung verpflichtet sich zur Informationssicherheit nach ISO/IEC 27001.',
        'Ziele: Vertraulichkeit, Integrität und Verfügbarkeit unserer Informationen.',
        'Verantwortlich für das ISMS: Informationssicherheitsbeauftragter.',
        'Freigegeben durch die Geschäftsführung am 12.03.2024.',
      ]),
    },
    {
      path: 'Organigramm.pdf',
      author: 'katrin.berger',
      daysAgo: 200,
      bytes: simplePdf('Organigramm Muster GmbH', [
        'Geschäftsführung: Katrin Berger',
        'Kaufmännische Leitung: Thomas Schmidt',
        'Vertrieb: Sabine Koch',
        'Informationssicherheitsbeauftragter (Stabsstelle): Jonas Weber',
      ]),
    },
    {
      path: 'Budget_2026.xlsx',
      author: 'thomas.schmidt',
      daysAgo: 30,
      bytes: simpleXlsx('Budget 2026', [
        ['Position', 'Betrag (EUR)'],
        ['Informationssicherheit (Schulungen, Audits)', 48000],
        ['IT-Betrieb', 210000],
        ['Externe Zertifizierung ISO/IEC 27001', 18500],
      ]),
    },
  ];
  for (const doc of documents) {
    uploadFile(ctx.store, {
      driveId,
      path: doc.path,
      bytes: doc.bytes,
      mimeType: mimeTypeFor(doc.path),
      who: person(ctx, doc.author),
      at: new Date(ctx.now.getTime() - doc.daysAgo * DAY),
      conflictBehavior: 'fail',
    });
  }
}
