import { Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type ReactNode } from 'react';
import {
  CLAUSES,
  DEFAULT_FRESHNESS_SETTINGS,
  EVIDENCE_SOURCE_LABELS,
  REVIEW_STATUS_LABELS,
  evidenceTypeById,
  mayReviewItem,
  type PersonRef,
  type RoleMembership,
} from '../../domain';
import type { EvidenceStore, ReviewConflict, ReviewDecision, StoredEvidence } from '../../features/evidence/evidenceStore';
import type { PanelAccess } from '../../features/panel/access';
import type { RecordLabelOutcome } from '../../features/evidence/recordLabel';
import { submitReview } from '../../features/panel/reviewAction';
import { translateMessage, useI18n, type TranslationKey } from '../../i18n';
import { ErrorPanel } from '../../ui';
import { ConflictNotice } from './ConflictNotice';
import { ContentPreview } from './ContentPreview';
import { ReviewForm } from './ReviewForm';
import { ReviewRecordNotice } from './ReviewRecordNotice';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  list: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere', margin: 0 },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Outcome = { kind: 'saved'; recordLabel?: RecordLabelOutcome } | { kind: 'conflict'; conflict: ReviewConflict } | { kind: 'error'; error: unknown } | { kind: 'refused'; reason: string };

export interface DetailPaneProps {
  item: StoredEvidence;
  store: EvidenceStore;
  access: PanelAccess;
  /** The item as it is now (after a review, or the version that won a conflict). */
  onChanged: (item: StoredEvidence) => void;
  /** Who holds the reviewer roles (by object id): judges the decision records. */
  membership?: RoleMembership;
}

export function DetailPane({ item, store, access, onChanged, membership }: DetailPaneProps) {
  const styles = useStyles();
  const { t, language, locale } = useI18n();
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  useEffect(() => setOutcome(undefined), [item.id]);

  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: DEFAULT_FRESHNESS_SETTINGS.timeZone });
  const person = (p: PersonRef | undefined) => (p ? `${p.displayName}${p.upn ? ` (${p.upn})` : ''}` : '');
  const row = (label: TranslationKey, value: ReactNode, className = styles.value) => (
    <>
      <dt className={styles.term}>{t(label)}</dt>
      <dd className={className}>{value}</dd>
    </>
  );

  const decide = async (decision: ReviewDecision, base: StoredEvidence = item) => {
    setBusy(true);
    try {
      const result = await submitReview(store, base, decision, { person: access.person, roles: access.roles });
      if (result.kind === 'saved') {
        setOutcome({ kind: 'saved', ...(result.recordLabel ? { recordLabel: result.recordLabel } : {}) });
        onChanged(result.item);
      } else if (result.kind === 'conflict') {
        setOutcome({ kind: 'conflict', conflict: result.conflict });
        onChanged(result.conflict.current);
      } else setOutcome({ kind: 'refused', reason: translateMessage(t, result.reason) });
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const reviewDecision = mayReviewItem({ person: access.person, roles: access.roles }, item);
  const history: string[] = [t('panel.detail.historyCaptured', { date: when(item.capturedAt), name: item.capturedBy.displayName })];
  if (item.reviewStatus !== 'pending' && item.reviewer && item.reviewedAt) {
    const key = item.reviewStatus === 'accepted' ? 'panel.detail.historyAccepted' : 'panel.detail.historyRejected';
    history.push(t(key, { date: when(item.reviewedAt), name: item.reviewer.displayName }) + (item.reviewComment ? ` – ${t('panel.detail.historyComment', { comment: item.reviewComment })}` : ''));
  }
  const clauses = item.clauses.map((id) => CLAUSES.find((c) => c.id === id)?.citation ?? id).join(', ');
  const link = item.contentUrl;

  return (
    <section className={styles.pane} aria-labelledby={headingId}>
      <div>
        <Text as="h3" id={headingId} size={500} weight="semibold">
          {item.title}
        </Text>
        <Text block>{t(REVIEW_STATUS_LABELS[item.reviewStatus])}</Text>
      </div>

      {outcome?.kind === 'conflict' && (
        <ConflictNotice
          conflict={outcome.conflict}
          onKeepTheirs={() => setOutcome(undefined)}
          onApplyMine={() => void decide(outcome.conflict.mine, outcome.conflict.current)}
        />
      )}
      {outcome?.kind === 'saved' && (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>{t('panel.review.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'saved' && outcome.recordLabel?.state === 'applied' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('panel.review.labelApplied', { name: outcome.recordLabel.name })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'saved' && outcome.recordLabel?.state === 'notApplied' && (
        <MessageBar layout="multiline" intent="warning" role="alert">
          <MessageBarBody>{t('panel.review.labelNotApplied', { name: outcome.recordLabel.name, reason: outcome.recordLabel.reason })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'refused' && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{outcome.reason}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && <ErrorPanel error={outcome.error} />}

      {access.permissions.mayReview && (
        <section aria-label={t('panel.review.heading')}>
          <Text as="h4" weight="semibold" block>
            {t('panel.review.heading')}
          </Text>
          {reviewDecision.allowed ? (
            <ReviewForm key={item.id} busy={busy} onDecide={(decision) => void decide(decision)} />
          ) : (
            <Text>{t('panel.review.notAllowed', { reason: translateMessage(t, reviewDecision.reason!) })}</Text>
          )}
        </section>
      )}

      {membership && <ReviewRecordNotice item={item} store={store} membership={membership} />}

      <section aria-label={t('panel.detail.metadata')}>
        <Text as="h4" weight="semibold" block>
          {t('panel.detail.metadata')}
        </Text>
        <dl className={styles.list}>
          {row('panel.detail.type', t(evidenceTypeById(item.type).label))}
          {row('panel.detail.clauses', clauses)}
          {item.summary && row('panel.detail.summary', <span style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</span>)}
          {item.signedBy && row('panel.detail.signedBy', person(item.signedBy))}
          {item.author && row('panel.detail.author', person(item.author))}
          {item.appointee && row('panel.detail.appointee', person(item.appointee))}
          {item.participants?.length ? row('panel.detail.participants', item.participants.map((p) => p.displayName).join(', ')) : null}
          {item.scheduledFor && row('panel.detail.scheduledFor', when(item.scheduledFor))}
          {item.expiresAt !== undefined && row('panel.detail.expiresAt', item.expiresAt ? when(item.expiresAt) : t('panel.detail.untilRevoked'))}
        </dl>
      </section>

      <section aria-label={t('panel.detail.custody')}>
        <Text as="h4" weight="semibold" block>
          {t('panel.detail.custody')}
        </Text>
        <dl className={styles.list}>
          {row('panel.detail.source', t(EVIDENCE_SOURCE_LABELS[item.source]))}
          {row('panel.detail.sourceKey', item.sourceKey, styles.hash)}
          {row('panel.detail.effectiveDate', when(item.effectiveDate))}
          {row('panel.detail.capturedAt', when(item.capturedAt))}
          {row('panel.detail.capturedBy', person(item.capturedBy))}
          {row('panel.detail.hash', item.contentSha256 ?? t('panel.detail.noHash'), styles.hash)}
          {item.contentSentSha256 &&
            item.contentSentSha256 !== item.contentSha256 &&
            row(
              'panel.detail.sentHash',
              <>
                <span className={styles.hash}>{item.contentSentSha256}</span>
                <Text size={200} block>
                  {t('panel.detail.sentHashNote')}
                </Text>
              </>,
            )}
          {link &&
            row(
              'panel.detail.file',
              <Link href={link} target="_blank" rel="noopener noreferrer">
                {t('panel.detail.openFile')}
              </Link>,
            )}
        </dl>
      </section>

      <section aria-label={t('panel.detail.preview')}>
        <Text as="h4" weight="semibold" block>
          {t('panel.detail.preview')}
        </Text>
        <ContentPreview store={store} item={item} />
      </section>

      <section aria-label={t('panel.detail.history')}>
        <Text as="h4" weight="semibold" block>
          {t('panel.detail.history')}
        </Text>
        <ol className={styles.history}>
          {history.map((entry) => (
            <li key={entry}>{entry}</li>
          ))}
        </ol>
      </section>
    </section>
  );
}
