import { Badge, Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type TranslationKey } from '../../i18n';
import type { ArtifactState, OccurrenceArtifacts } from '../../features/reviews/artifacts';
import { minutesStatus, type Minutes } from '../../features/reviews/minutes';
import { awaitsSignature } from '../../features/reviews/pastOccurrences';
import type { Stored } from '../../features/reviews/reviewRecords';
import { formatDateTime } from './format';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: 0, listStyle: 'none' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface OccurrenceListProps {
  past: readonly string[];
  artifacts: Record<string, OccurrenceArtifacts>;
  minutes: Record<string, Stored<Minutes>>;
  topManagementUpns: ReadonlySet<string>;
  /** The viewer is top management: minutes waiting for a signature wait for theirs. */
  maySign: boolean;
  onOpenMinutes: (occurrenceStart: string) => void;
}

function stateKey(state: ArtifactState | undefined, missing: TranslationKey): TranslationKey {
  switch (state) {
    case 'captured':
      return 'reviews.occurrences.captured';
    case 'missing':
      return missing;
    case 'notOrganizer':
      return 'reviews.occurrences.notOrganizer';
    case 'disabledByPolicy':
      return 'reviews.occurrences.disabledByPolicy';
    case 'notAllowed':
      return 'reviews.occurrences.notAllowed';
    default:
      return 'reviews.occurrences.notChecked';
  }
}

/** Past occurrences: whether attendance (every session) and transcript are on file, each with its own state, who of top management attended, minutes. */
export function OccurrenceList({ past, artifacts, minutes, topManagementUpns, maySign, onOpenMinutes }: OccurrenceListProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  if (past.length === 0) return <Text>{t('reviews.occurrences.none')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('reviews.occurrences.heading')}>
      {past.map((start) => {
        const a = artifacts[start];
        const m = minutes[start];
        const fromMinutes = (m?.value.participants ?? []).filter((p) => p.topManagement && p.attendedSeconds !== undefined).map((p) => ({ name: p.displayName, seconds: p.attendedSeconds! }));
        const fromReport = (a?.attendees ?? []).filter((p) => p.upn && topManagementUpns.has(p.upn.toLowerCase())).map((p) => ({ name: p.displayName, seconds: p.seconds }));
        const top = fromReport.length > 0 ? fromReport : fromMinutes;
        const date = formatDateTime(start, language);
        const waiting = m !== undefined && awaitsSignature(m.value, new Date());
        return (
          <li key={start}>
            <Card className={styles.card} aria-label={date}>
              <Text weight="semibold">{date}</Text>
              <div className={styles.row}>
                <Text>{t('reviews.occurrences.attendance')}:</Text>
                <Badge appearance="tint" color={a?.attendance === 'captured' ? 'success' : 'informative'}>
                  {a?.attendance === 'captured' && a.sessions > 1
                    ? t('reviews.occurrences.sessions', { count: a.sessions })
                    : t(stateKey(a?.attendance, 'reviews.occurrences.missingAttendance'))}
                </Badge>
                <Text>{t('reviews.occurrences.transcript')}:</Text>
                <Badge appearance="tint" color={a?.transcript === 'captured' ? 'success' : 'informative'}>
                  {t(stateKey(a?.transcript, 'reviews.occurrences.missingTranscript'))}
                </Badge>
              </div>
              <Text>{t('reviews.occurrences.topManagement')}:</Text>
              {top.length === 0 ? (
                <Text>{t('reviews.occurrences.nobody')}</Text>
              ) : (
                <ul aria-label={t('reviews.occurrences.topManagement')}>
                  {top.map((p) => (
                    <li key={p.name}>{t('reviews.occurrences.attended', { name: p.name, minutes: Math.round(p.seconds / 60) })}</li>
                  ))}
                </ul>
              )}
              <div className={styles.row}>
                <Text>
                  {t('reviews.occurrences.minutes')}:{' '}
                  {m ? (minutesStatus(m.value) === 'signed' ? t('reviews.occurrences.signed') : t('reviews.occurrences.draft', { version: m.value.version })) : t('reviews.occurrences.noMinutes')}
                </Text>
                {waiting && (
                  <Badge appearance="filled" color="warning">
                    {t(maySign ? 'reviews.occurrences.awaitingYourSignature' : 'reviews.occurrences.awaitingSignature')}
                  </Badge>
                )}
                <Button appearance={waiting && maySign ? 'primary' : 'secondary'} onClick={() => onOpenMinutes(start)}>
                  {t(waiting && maySign ? 'reviews.occurrences.readAndSign' : 'reviews.occurrences.openMinutes', { date })}
                </Button>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
