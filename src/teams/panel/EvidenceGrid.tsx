import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { EVIDENCE_SOURCE_LABELS, REVIEW_STATUS_LABELS, evidenceTypeById } from '../../domain';
import type { StoredEvidence } from '../../features/evidence/evidenceStore';
import type { PanelFilter, SortKey } from '../../features/panel/evidenceFilter';
import { rowWindow } from '../../features/panel/windowing';
import { useI18n, type TranslationKey } from '../../i18n';

export const ROW_HEIGHT = 44;
const VIEWPORT_HEIGHT = 480;

const COLUMNS: ReadonlyArray<{ key: SortKey | 'source'; label: TranslationKey; width: string }> = [
  { key: 'title', label: 'panel.grid.title', width: '38%' },
  { key: 'type', label: 'panel.grid.type', width: '22%' },
  { key: 'effectiveDate', label: 'panel.grid.date', width: '14%' },
  { key: 'reviewStatus', label: 'panel.grid.status', width: '14%' },
  { key: 'source', label: 'panel.grid.source', width: '12%' },
];

const useStyles = makeStyles({
  scroller: { height: `${VIEWPORT_HEIGHT}px`, overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { tableLayout: 'fixed', width: '100%' },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  row: { height: `${ROW_HEIGHT}px` },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalL },
});

export interface EvidenceGridProps {
  items: readonly StoredEvidence[];
  /** All items before filtering (for the empty state). */
  total: number;
  sort: PanelFilter['sort'];
  onSort: (key: SortKey) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The evidence list: a Fluent table that renders only the rows in view (smooth at 10,000 items). */
export function EvidenceGrid({ items, total, sort, onSort, selectedId, onSelect }: EvidenceGridProps) {
  const styles = useStyles();
  const { t, language, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const window = rowWindow({ count: items.length, rowHeight: ROW_HEIGHT, scrollTop, viewportHeight: VIEWPORT_HEIGHT });

  useEffect(() => {
    // A new filter starts at the top.
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [items]);

  const formatDate = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: 'medium' });
  return (
    <div ref={scroller} className={styles.scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <Table className={styles.table} sortable aria-label={t('panel.grid.label')} aria-rowcount={items.length + 1} size="small">
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            {COLUMNS.map((column) =>
              column.key === 'source' ? (
                <TableHeaderCell key={column.key} style={{ width: column.width }}>
                  {t(column.label)}
                </TableHeaderCell>
              ) : (
                <TableHeaderCell
                  key={column.key}
                  style={{ width: column.width }}
                  sortDirection={sort.key === column.key ? sort.direction : undefined}
                  onClick={() => onSort(column.key as SortKey)}
                >
                  {t(column.label)}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {window.padTop > 0 && <tr aria-hidden="true" style={{ height: window.padTop }} />}
          {items.slice(window.start, window.end).map((item, offset) => {
            const selected = item.id === selectedId;
            return (
              <TableRow
                key={item.id}
                aria-rowindex={window.start + offset + 2}
                aria-selected={selected}
                className={mergeClasses(styles.row, selected && styles.selected)}
                data-item-id={item.id}
              >
                <TableCell className={styles.cell}>
                  <Link as="button" onClick={() => onSelect(item.id)} title={item.title}>
                    {item.title}
                  </Link>
                </TableCell>
                <TableCell className={styles.cell}>{t(evidenceTypeById(item.type).label)}</TableCell>
                <TableCell className={styles.cell}>{formatDate(item.effectiveDate)}</TableCell>
                <TableCell className={styles.cell}>{t(REVIEW_STATUS_LABELS[item.reviewStatus])}</TableCell>
                <TableCell className={styles.cell}>{t(EVIDENCE_SOURCE_LABELS[item.source])}</TableCell>
              </TableRow>
            );
          })}
          {window.padBottom > 0 && <tr aria-hidden="true" style={{ height: window.padBottom }} />}
          {items.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                <div className={styles.empty}>
                  <Text weight="semibold">{t(total === 0 ? 'panel.grid.empty' : 'panel.grid.noMatch')}</Text>
                  {total === 0 && <Text size={200}>{t('panel.grid.emptyHint')}</Text>}
                </div>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </div>
  );
}
