import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DEFAULT_FRESHNESS_SETTINGS, REVIEW_STATUS_LABELS, formatDayIn } from '../../domain';
import type { ReviewConflict } from '../../features/evidence/evidenceStore';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  versions: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalS },
});

/** A review that lost a race: the unsaved decision next to the current state, nothing lost. */
export function ConflictNotice({ conflict, onKeepTheirs, onApplyMine }: { conflict: ReviewConflict; onKeepTheirs: () => void; onApplyMine: () => void }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { mine, current } = conflict;
  const comment = (text: string | undefined) => (text ? ` – „${text}“` : '');
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('panel.review.conflictTitle')}</MessageBarTitle>
        <Text block>{t('panel.review.conflictText')}</Text>
        <div className={styles.versions}>
          <section aria-label={t('panel.review.mine')}>
            <Text block weight="semibold">{t('panel.review.mine')}</Text>
            <Text block>{t('panel.review.decision', { status: t(REVIEW_STATUS_LABELS[mine.status]), comment: comment(mine.comment) })}</Text>
          </section>
          <section aria-label={t('panel.review.theirs')}>
            <Text block weight="semibold">{t('panel.review.theirs')}</Text>
            <Text block>{t('panel.review.decision', { status: t(REVIEW_STATUS_LABELS[current.reviewStatus]), comment: comment(current.reviewComment) })}</Text>
            {current.reviewer && current.reviewedAt && (
              <Text block size={200}>
                {t('panel.review.byWhom', { name: current.reviewer.displayName, date: formatDayIn(new Date(current.reviewedAt), DEFAULT_FRESHNESS_SETTINGS.timeZone, language) })}
              </Text>
            )}
          </section>
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onKeepTheirs}>{t('panel.review.keepTheirs')}</Button>
        <Button appearance="primary" onClick={onApplyMine}>
          {t('panel.review.applyMine')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
