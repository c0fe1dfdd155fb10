import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { CHECKLIST_SECTIONS, formatDay, type ChecklistEntry } from '../../domain';
import { useI18n } from '../../i18n';
import type { ClauseState } from '../../features/dashboard/clauseStates';
import { StateBadge } from './StateBadge';

/** The seed's checklist: per item its state and the freshness rule in words. */
export function ChecklistTable({ entries, timeZone }: { entries: readonly ChecklistEntry[]; timeZone: string }) {
  const { t, language } = useI18n();
  return (
    <Table aria-label={t('dashboard.checklist.heading')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.checklist.item')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.checklist.state')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.checklist.rule')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.checklist.evidence')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-item={entry.id}>
            <TableCell>
              <Text size={200}>{CHECKLIST_SECTIONS[entry.section][language]}</Text>
              <Text block>{entry.label[language]}</Text>
            </TableCell>
            <TableCell>
              <StateBadge state={entry.state} />
              {entry.acceptedUntil && (
                <Text block size={200}>
                  {t('dashboard.checklist.until', { date: formatDay(entry.acceptedUntil, timeZone)[language] })}
                </Text>
              )}
            </TableCell>
            <TableCell>
              {entry.rules.map((rule) => (
                <Text block size={200} key={rule.en}>
                  {rule[language]}
                </Text>
              ))}
            </TableCell>
            <TableCell>{t('dashboard.checklist.count', { count: entry.evidence.length + entry.supporting.length })}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The ISO clauses with their state. */
export function ClauseTable({ clauses }: { clauses: readonly ClauseState[] }) {
  const { t, language } = useI18n();
  return (
    <Table aria-label={t('dashboard.clauses.heading')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('dashboard.clauses.clause')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.clauses.state')}</TableHeaderCell>
          <TableHeaderCell>{t('dashboard.clauses.count')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clauses.map(({ clause, state, count }) => (
          <TableRow key={clause.id} data-clause={clause.id}>
            <TableCell>
              {clause.citation} {clause.name[language]}
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
