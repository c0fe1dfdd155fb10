/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { uploadSourceKey } from '../../domain';
import { EvidenceGrid, ROW_HEIGHT } from '../../teams/panel/EvidenceGrid';
import type { StoredEvidence } from '../evidence/evidenceStore';
import { EMPTY_FILTER } from './evidenceFilter';
import { renderUi } from './testing';

const items: StoredEvidence[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: String(i + 1),
  etag: `"e${i}"`,
  title: `Nachweis ${i + 1}`,
  type: 'trainingRecord',
  clauses: ['7.2'],
  source: 'upload',
  sourceKey: uploadSourceKey(`u${i}`),
  effectiveDate: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  capturedAt: '2026-03-01T00:00:00Z',
  capturedBy: { upn: 'jonas.weber@x', displayName: 'Jonas Weber' },
  summary: '',
  reviewStatus: 'pending',
}));

describe('evidence grid with 10,000 items', () => {
  it('renders only the rows in view and follows the scroll position', () => {
    const onSelect = jest.fn();
    renderUi(<EvidenceGrid items={items} total={items.length} sort={EMPTY_FILTER.sort} onSort={() => undefined} selectedId={undefined} onSelect={onSelect} />);
    const table = screen.getByRole('table', { name: 'Nachweisliste' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const rendered = () => within(table).getAllByRole('button').map((b) => b.textContent).filter((text) => text?.startsWith('Nachweis '));
    expect(rendered().length).toBeLessThan(40);
    expect(rendered()[0]).toBe('Nachweis 1');

    const scroller = table.parentElement!;
    scroller.scrollTop = 5000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    expect(rendered()).toContain('Nachweis 5001');
    expect(rendered()).not.toContain('Nachweis 1');
    expect(rendered().length).toBeLessThan(40);
    fireEvent.click(screen.getByRole('button', { name: 'Nachweis 5001' }));
    expect(onSelect).toHaveBeenCalledWith('5001');
  });
});
