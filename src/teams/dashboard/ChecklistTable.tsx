import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { CHECKLIST_SECTIONS, formatDayIn, type ChecklistEntry } from '../../domain';
import { translateMessage, useI18n } from '../../i18n';
import type { ClauseState } from '../../features/dashboard/clauseStates';
import { StateBadge } from './StateBadge';

/**
 * Fluent's Table lays columns out with `table-layout: fixed` (equal widths unless told): the state
 * column gets the width of the longest badge ("Wartet auf Prüfung"), the count column a narrow one,
 * and long German compounds ("Informationssicherheitsleitlinie") wrap inside their own cell instead
 * of running under the badge next to them.
 */
const useStyles = makeStyles({
  stateColumn: { width: '9.5rem' },
  countColumn: { width: '4.75rem' },
  text: { overflowWrap: 'anywhere', hyphens: 'auto' },
  stateCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
});

/** The seed's checklist: per item its state and the freshness rule in words. */
export function ChecklistTable({ entries, timeZone }: { entries: readonly ChecklistEntry[]; timeZone: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  return (
    <Table aria-label={t('dashboard.checklist.heading')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.checklist.item')}</TableHeaderCell>
          <TableHeaderCell className={styles.stateColumn}>{t('dashboard.checklist.state')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.checklist.rule')}</TableHeaderCell>
          <TableHeaderCell className={styles.countColumn}>{t('dashboard.checklist.evidence')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-item={entry.id}>
            <TableCell className={styles.text}>
              <Text size={200}>{t(CHECKLIST_SECTIONS[entry.section].key)}</Text>
              <Text block>{t(entry.label.key)}</Text>
            </TableCell>
            <TableCell>
              <div className={styles.stateCell}>
                <StateBadge state={entry.state} />
                {entry.acceptedUntil && (
                  <Text size={200}>{t('dashboard.checklist.until', { date: formatDayIn(entry.acceptedUntil, timeZone, language) })}</Text>
                )}
              </div>
            </TableCell>
            <TableCell className={styles.text}>
              {entry.rules.map((rule) => (
                <Text block size={200} key={`${rule.key}:${JSON.stringify(rule.values)}`}>
                  {translateMessage(t, rule)}
                </Text>
              ))}
            </TableCell>
            <TableCell className={styles.text}>{t('dashboard.checklist.count', { count: entry.evidence.length + entry.supporting.length })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The ISO clauses with their state. */
export function ClauseTable({ clauses }: { clauses: readonly ClauseState[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Table aria-label={t('dashboard.clauses.heading')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.clauses.clause')}</TableHeaderCell>
          <TableHeaderCell className={styles.stateColumn}>{t('dashboard.clauses.state')}</TableHeaderCell>
          <TableHeaderCell className={styles.countColumn}>{t('dashboard.clauses.count')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clauses.map(({ clause, state, count }) => (
          <TableRow key={clause.id} data-clause={clause.id}>
            <TableCell className={styles.text}>
              {clause.citation} {translateMessage(t, clause.name)}
            </TableCell>
            <TableCell>
              <StateBadge state={state} />
            </TableCell>
            <TableCell>{count}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
