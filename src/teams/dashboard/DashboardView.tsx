import { Badge, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { DEFAULT_FRESHNESS_SETTINGS, formatDayIn, type FirstStepId } from '../../domain';
import type { DashboardModel } from '../../features/dashboard/readinessView';
import { translateMessage, useI18n, type AppMessage } from '../../i18n';
import { AlarmList } from './AlarmList';
import { CeoCycle } from './CeoCycle';
import { ChecklistTable, ClauseTable } from './ChecklistTable';
import { FirstSteps } from './FirstSteps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, paddingTop: tokens.spacingVerticalM },
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'center' },
  score: { minWidth: '240px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Side by side only where the clause table keeps room for its longest name
  // ("5.2 Informationssicherheitsleitlinie") next to the badge; below 1400 px it goes under the checklist.
  tables: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalXL, '@media (max-width: 1399px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
});

const LEVEL_COLOR = { ready: 'success', gaps: 'warning', notReady: 'danger' } as const;

export interface DashboardViewProps {
  model: DashboardModel;
  peopleIncomplete: boolean;
  /** From the management-review feature: no review booked this quarter. */
  reviewWarning?: AppMessage | null;
  links: Record<FirstStepId, string>;
}

/** Readiness at a glance: score, alarms with fixes, first steps, the CEO cycle, checklist and clauses. */
export function DashboardView({ model, peopleIncomplete, reviewWarning, links }: DashboardViewProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const ids = { alarms: useId(), steps: useId(), cycle: useId(), checklist: useId(), clauses: useId(), heading: useId() };
  const { readiness } = model;
  const timeZone = DEFAULT_FRESHNESS_SETTINGS.timeZone;
  return (
    <div className={styles.root}>
      <section aria-labelledby={ids.heading} className={styles.summary}>
        <div className={styles.score}>
          <Text as="h2" id={ids.heading} size={500} weight="semibold">
            {t('dashboard.heading')}
          </Text>
          <Badge size="large" appearance="filled" color={LEVEL_COLOR[readiness.level]} data-level={readiness.level}>
            {t(readiness.levelLabel.key, readiness.levelLabel.values)}
          </Badge>
          <ProgressBar
            value={readiness.score / 100}
            thickness="large"
            color={readiness.level === 'ready' ? 'success' : readiness.level === 'gaps' ? 'warning' : 'error'}
            aria-label={t('dashboard.scoreLabel')}
            aria-valuetext={t('dashboard.score', { score: readiness.score })}
          />
          <Text>{t('dashboard.score', { score: readiness.score })}</Text>
        </div>
        <div className={styles.block}>
          <Text>{t('dashboard.evidenceCount', { count: model.evidenceCount })}</Text>
          {/* One line about the next review: its date, else the quarter warning, else "none booked". */}
          {model.nextReview ? (
            <Text>{t('dashboard.nextReview', { date: formatDayIn(model.nextReview, timeZone, language) })}</Text>
          ) : reviewWarning ? (
            <Text weight="semibold">{translateMessage(t, reviewWarning)}</Text>
          ) : (
            <Text>{t('dashboard.noNextReview')}</Text>
          )}
          {model.nextReview && reviewWarning && <Text weight="semibold">{translateMessage(t, reviewWarning)}</Text>}
        </div>
      </section>
      {peopleIncomplete && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('dashboard.peopleIncomplete')}</MessageBarBody>
        </MessageBar>
      )}
      <section aria-labelledby={ids.alarms} className={styles.block}>
        <Text as="h3" id={ids.alarms} size={400} weight="semibold">
          {t('dashboard.alarms.heading')}
        </Text>
        <AlarmList alarms={readiness.alarms} headingId={ids.alarms} />
      </section>
      <section aria-labelledby={ids.steps} className={styles.block}>
        <Text as="h3" id={ids.steps} size={400} weight="semibold">
          {t('dashboard.firstSteps.heading')}
        </Text>
        <FirstSteps steps={readiness.firstSteps} links={links} headingId={ids.steps} />
      </section>
      <section aria-labelledby={ids.cycle} className={styles.block}>
        <Text as="h3" id={ids.cycle} size={400} weight="semibold">
          {t('dashboard.cycle.heading')}
        </Text>
        <CeoCycle actions={readiness.ceoActions} />
      </section>
      <div className={styles.tables}>
        <section aria-labelledby={ids.checklist} className={styles.block}>
          <Text as="h3" id={ids.checklist} size={400} weight="semibold">
            {t('dashboard.checklist.heading')}
          </Text>
          <ChecklistTable entries={readiness.checklist} timeZone={timeZone} />
        </section>
        <section aria-labelledby={ids.clauses} className={styles.block}>
          <Text as="h3" id={ids.clauses} size={400} weight="semibold">
            {t('dashboard.clauses.heading')}
          </Text>
          <ClauseTable clauses={model.clauses} />
        </section>
      </div>
    </div>
  );
}
