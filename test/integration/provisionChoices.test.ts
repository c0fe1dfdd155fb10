/**
 * A newly registered evidence source on a list set up before it existed: opening the store adds the missing
 * choice values to the existing columns (PATCH …/columns/{id}), and an item of the new type can then be written.
 * SharePoint refuses a value outside a choice column's choices (allowTextEntry false), so without the update the
 * write fails.
 */
import { buildSourceKey } from '../../src/domain';
import { COL } from '../../src/graph';
import type { ColumnDefinition } from '../../src/graph/models';
import { startEmulator, type RunningEmulator } from '../support/emulator';
import { browser, gatewaysFor, JONAS } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.reset();
});

const NEW = 'staffAcknowledgement';
const choicesOf = (columns: readonly ColumnDefinition[], name: string) => {
  const column = columns.find((c) => c.name === name);
  return column?.type === 'choice' ? column.choices : [];
};

it('adds a new source\'s choice values to a list provisioned without them, so its items can be written', async () => {
  const graph = gatewaysFor(emulator, 'jonas.weber');
  const { location } = await browser(emulator).store('jonas.weber', JONAS).provisionReport();
  // The list as an app version before the staff acknowledgement source left it.
  for (const column of await graph.lists.columns(location.siteId, location.listId)) {
    if ((column.name === COL.type || column.name === COL.source) && column.type === 'choice') {
      await graph.lists.setChoices(location.siteId, location.listId, column, column.choices.filter((c) => c !== NEW));
    }
  }
  const before = await graph.lists.columns(location.siteId, location.listId);
  expect(choicesOf(before, COL.type)).not.toContain(NEW);
  const refused = graph.listItems.forList(location.siteId, location.listId).create({ Title: 'Bestätigung', [COL.type]: NEW });
  await expect(refused).rejects.toMatchObject({ status: 400 });

  const store = browser(emulator).store('jonas.weber', JONAS);
  const report = await store.provisionReport();
  expect(report.addedChoices).toEqual([`${COL.type}: ${NEW}`, `${COL.source}: ${NEW}`]);
  const after = await graph.lists.columns(location.siteId, location.listId);
  expect(choicesOf(after, COL.type)).toEqual([...choicesOf(before, COL.type), NEW]);
  expect(choicesOf(after, COL.source)).toContain(NEW);

  const result = await store.capture({
    title: 'Kenntnisnahme der Sicherheitsleitlinie',
    type: NEW,
    clauses: ['7.3'],
    source: NEW,
    sourceKey: buildSourceKey('acknowledgement', 'publication-1'),
    effectiveDate: '2026-02-03T08:15:30Z',
    summary: '',
  });
  expect(result.status).toBe('created');
  expect(await browser(emulator).store('jonas.weber', JONAS).provisionReport()).toMatchObject({ addedColumns: [], addedChoices: [] });
});

it('opening a store on such a list adds the values by itself', async () => {
  const graph = gatewaysFor(emulator, 'jonas.weber');
  const { location } = await browser(emulator).store('jonas.weber', JONAS).provisionReport();
  const type = (await graph.lists.columns(location.siteId, location.listId)).find((c) => c.name === COL.type);
  if (type?.type !== 'choice') throw new Error('EvidenceType is not a choice column');
  await graph.lists.setChoices(location.siteId, location.listId, type, type.choices.filter((c) => c !== NEW));

  const result = await browser(emulator).store('jonas.weber', JONAS).capture({
    title: 'Kenntnisnahme',
    type: NEW,
    clauses: ['7.3'],
    source: NEW,
    sourceKey: buildSourceKey('acknowledgement', 'publication-2'),
    effectiveDate: '2026-02-03T08:15:30Z',
    summary: '',
  });
  expect(result.status).toBe('created');
  expect(choicesOf(await graph.lists.columns(location.siteId, location.listId), COL.type)).toContain(NEW);
});
