/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { createMemoryEvidenceStore } from '../../features/evidence/testing/memoryEvidenceStore';
import { PEOPLE, renderUi } from '../../features/panel/testing';
import { fakeSharePoint } from '../../features/setup/testing/fakeSharePoint';
import { LIST_NAMES, type DirectoryGroup, type GraphGateways, type ListItem } from '../../graph';
import { emulatorConfig, musterGmbh, standaloneHost } from '../../ui/testSupport';
import { SetupSection } from './SetupSection';

const GROUPS: DirectoryGroup[] = [
  { id: '0a0a0a0a-0000-4000-8000-00000000a001', displayName: 'Geschäftsführung', microsoft365: true },
  { id: '0a0a0a0a-0000-4000-8000-00000000a002', displayName: 'Informationssicherheit', microsoft365: true },
  { id: '0a0a0a0a-0000-4000-8000-00000000a003', displayName: 'Auditoren', microsoft365: true },
  /** Someone's own group with the same name: setup shows both ids, and stores the one chosen. */
  { id: '0a0a0a0a-0000-4000-8000-00000000a009', displayName: 'Geschäftsführung', microsoft365: false },
];

function setupGraph() {
  const items: ListItem[] = [];
  const graph = {
    sites: { fromWebUrl: async () => ({ id: 's', displayName: 'ISMS', webUrl: 'x' }) },
    lists: { get: async () => ({ id: 'settings', name: 'x', displayName: LIST_NAMES.settings, webUrl: '', columns: [{ name: 'Value', type: 'text' }] }) },
    listItems: {
      forList: () => ({
        queryAll: async () => items.map((i) => structuredClone(i)),
        create: async (fields: Record<string, unknown>) => {
          const item = { id: String(items.length + 1), etag: '"1"', fields };
          items.push(item);
          return item;
        },
        updateFields: async (id: string, fields: Record<string, unknown>) => {
          items.find((i) => i.id === id)!.fields = fields;
          return { fields, etag: '"2"' };
        },
      }),
    },
    groups: {
      search: async (text: string) => GROUPS.filter((g) => g.displayName.toLowerCase().startsWith(text.toLowerCase())),
      get: async (id: string) => GROUPS.find((g) => g.id === id)!,
    },
  } as unknown as GraphGateways;
  return { graph, items };
}

async function choose(label: string, query: string, index = 0) {
  const chooser = screen.getByRole('group', { name: label });
  fireEvent.change(within(chooser).getByRole('textbox', { name: label }), { target: { value: query } });
  fireEvent.click(within(chooser).getByRole('button', { name: 'Suchen' }));
  const options = await within(chooser).findAllByRole('button', { name: new RegExp(`^${query}.* wählen$`) });
  fireEvent.click(options[index]!);
}

describe('setup section (site owners)', () => {
  it('chooses the groups by name, stores their object ids, shows the plan, runs, and a second run changes nothing', async () => {
    const { graph, items } = setupGraph();
    const sp = fakeSharePoint(Object.values(LIST_NAMES));
    const me = PEOPLE.katrin;
    const services = { graph, evidence: createMemoryEvidenceStore({ capturedBy: { upn: me.userPrincipalName, displayName: me.displayName } }), me: async () => me, organization: async () => musterGmbh, sharePoint: async () => sp.gateway };
    renderUi(<SetupSection services={services} profile={{ user: me, organization: musterGmbh }} host={standaloneHost()} config={emulatorConfig} />);

    expect(screen.getByRole('button', { name: 'Einrichtung ausführen' })).toHaveProperty('disabled', true);
    await choose('Gruppe der Geschäftsführung', 'Geschäftsführung', 0);
    expect(screen.getByText(`Gewählt: Geschäftsführung · Objekt-ID: ${GROUPS[0]!.id}`)).toBeTruthy();
    await choose('Gruppe des/der Informationssicherheitsbeauftragten (ISB)', 'Informationssicherheit');
    await choose('Gruppe der Auditoren', 'Auditoren');

    fireEvent.click(screen.getByRole('button', { name: 'Anzeigen, was sich ändern würde' }));
    expect(await screen.findByText(/^Die Einrichtung würde \d+ Änderungen vornehmen:$/)).toBeTruthy();
    expect(screen.getByText(`${LIST_NAMES.evidence}: ISMS Members verliert „Edit“`)).toBeTruthy();
    expect(sp.writes).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Einrichtung ausführen' }));
    expect(await screen.findByText(/^Die Einrichtung hat \d+ Änderungen vorgenommen:$/)).toBeTruthy();
    expect(JSON.parse(String(items.find((i) => i.fields.Title === 'roles')!.fields.Value)).topManagement).toBe(GROUPS[0]!.id);

    fireEvent.click(screen.getByRole('button', { name: 'Einrichtung ausführen' }));
    expect(await screen.findByText('Alles ist bereits eingerichtet: Es wurde nichts geändert.')).toBeTruthy();

    // The optional record label is stored with the settings.
    fireEvent.change(screen.getByRole('textbox', { name: 'Aufbewahrungsbezeichnung für Datensätze (optional)' }), { target: { value: 'Unterschriebener Nachweis' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einrichtung ausführen' }));
    expect(await screen.findByText('Einstellung „recordLabel“ speichern')).toBeTruthy();
    expect(JSON.parse(String(items.find((i) => i.fields.Title === 'recordLabel')!.fields.Value))).toEqual({ name: 'Unterschriebener Nachweis' });
  });
});
