import { Button, Card, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { translateMessage, useI18n } from '../../i18n';
import { renderAgendaText, type OpenActionItem } from '../../domain';
import { describeRule } from '../../features/reviews/booking';
import type { SeriesRecord } from '../../features/reviews/reviewRecords';
import { formatDateTime } from './format';
import { ReviewFeedback } from './ReviewFeedback';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
  agenda: { whiteSpace: 'pre-wrap' },
});

export interface SeriesCardProps {
  series: SeriesRecord;
  upcoming: readonly string[];
  /** Open actions, listed under input a) of the next review's agenda. */
  openActions: readonly OpenActionItem[];
  isOrganizer: boolean;
  onReschedule: () => void;
  onCancel: (comment: string) => Promise<void>;
}

/** The booked series: rule, organizer, next occurrences; reschedule and cancel for the organizer. */
export function SeriesCard({ series, upcoming, openActions, isOrganizer, onReschedule, onCancel }: SeriesCardProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const rule = describeRule(series, t);
  return (
    <Card className={styles.card} aria-label={t('reviews.series.heading')}>
      <Text as="h2" size={500} weight="semibold">
        {t('reviews.series.heading')}
      </Text>
      <Text>{t('reviews.series.rule', { rule, minutes: series.durationMinutes })}</Text>
      <Text>{t('reviews.series.organizer', { name: series.organizer.displayName })}</Text>
      <Text as="h3" weight="semibold">
        {t('reviews.series.next')}
      </Text>
      {upcoming.length === 0 ? (
        <Text>{t('reviews.series.none')}</Text>
      ) : (
        <ul aria-label={t('reviews.series.next')}>
          {upcoming.map((start) => (
            <li key={start}>{formatDateTime(start, language)}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('reviews.series.agenda')}</summary>
        <Text as="p" className={styles.agenda} aria-label={t('reviews.series.agenda')}>
          {renderAgendaText({ lang: language, translate: (text) => translateMessage(t, text), openActions })}
        </Text>
      </details>
      {isOrganizer ? (
        <div className={styles.row}>
          <Button onClick={onReschedule}>{t('reviews.series.reschedule')}</Button>
          <Button onClick={() => setConfirming(true)}>{t('reviews.series.cancel')}</Button>
        </div>
      ) : (
        <Text>{t('reviews.series.notOrganizer', { name: series.organizer.displayName })}</Text>
      )}
      <ReviewFeedback error={error} />
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('reviews.series.cancelTitle')}</DialogTitle>
            <DialogContent>
              <Field label={t('reviews.series.cancelComment')}>
                <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={async () => {
                  setError(undefined);
                  try {
                    await onCancel(comment);
                    setConfirming(false);
                  } catch (e) {
                    setConfirming(false);
                    setError(e);
                  }
                }}
              >
                {t('reviews.series.cancelConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('reviews.series.cancelBack')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Card>
  );
}
