import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n, type TranslationKey } from '../../i18n';

/** One evidence item as the list shows it (the evidence store maps its items onto this). */
export interface EvidenceRow {
  id: string;
  title: string;
  typeLabel: string;
  /** When it happened, ISO 8601. */
  effectiveDate: string;
  statusLabel: string;
}

const columns: ReadonlyArray<{ key: keyof Omit<EvidenceRow, 'id'>; label: TranslationKey }> = [
  { key: 'title', label: 'evidence.columns.title' },
  { key: 'typeLabel', label: 'evidence.columns.type' },
  { key: 'effectiveDate', label: 'evidence.columns.date' },
  { key: 'statusLabel', label: 'evidence.columns.status' },
];

const useStyles = makeStyles({
  heading: { margin: `0 0 ${tokens.spacingVerticalS}` },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalL} 0`,
  },
});

export function EvidenceTable({ items }: { items: readonly EvidenceRow[] }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const headingId = useId();
  const formatDate = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale, { dateStyle: 'medium' });
  };
  return (
    <section aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {t('evidence.heading')}
      </Text>
      <Table aria-label={t('evidence.tableLabel')}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.key}>{t(column.label)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              <TableCell>{item.title}</TableCell>
              <TableCell>{item.typeLabel}</TableCell>
              <TableCell>{formatDate(item.effectiveDate)}</TableCell>
              <TableCell>{item.statusLabel}</TableCell>
            </TableRow>
          ))}
          {items.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>
                <div className={styles.empty}>
                  <Text weight="semibold">{t('evidence.empty')}</Text>
                  <Text size={200}>{t('evidence.emptyHint')}</Text>
                </div>
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </section>
  );
}
