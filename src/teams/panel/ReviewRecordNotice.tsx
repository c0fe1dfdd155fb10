/**
 * The review state that counts, from the decision list: the latest valid decision record (who and
 * when according to SharePoint) and, in German and English, whatever does not add up (trustedReview.ts).
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { REVIEW_FLAG_MESSAGES, REVIEW_STATUS_LABELS, trustedReview, type DecisionRecord, type RoleMembership } from '../../domain';
import type { EvidenceStore, StoredEvidence } from '../../features/evidence/evidenceStore';
import { translateMessage, useI18n } from '../../i18n';

export function ReviewRecordNotice({ item, store, membership }: { item: StoredEvidence; store: Pick<EvidenceStore, 'decisions'>; membership: RoleMembership }) {
  const { t, language, locale } = useI18n();
  const [decisions, setDecisions] = useState<DecisionRecord[] | undefined | 'failed'>(undefined);
  useEffect(() => {
    let current = true;
    store.decisions(item.id).then(
      (found) => current && setDecisions(found),
      () => current && setDecisions('failed'),
    );
    return () => {
      current = false;
    };
  }, [store, item.id, item.etag]);
  if (decisions === undefined || decisions === 'failed') return null;

  const trusted = trustedReview(item, decisions, membership);
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const decision = trusted.decision;
  return (
    <section aria-label={t('panel.review.recordHeading')}>
      <Text as="h4" weight="semibold" block>
        {t('panel.review.recordHeading')}
      </Text>
      <Text block>
        {decision
          ? t('panel.review.record', { id: decision.id, status: t(REVIEW_STATUS_LABELS[decision.decision]), name: decision.createdBy.displayName ?? decision.createdBy.email ?? '?', date: when(decision.createdAt) })
          : t('panel.review.noRecord')}
      </Text>
      <Text block>{t('panel.review.trustedStatus', { status: t(REVIEW_STATUS_LABELS[trusted.status]) })}</Text>
      {trusted.flags.length > 0 && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('panel.review.flagsHeading')}</MessageBarTitle>
            <ul aria-label={t('panel.review.flagsHeading')}>
              {trusted.flags.map((flag) => (
                <li key={flag}>{translateMessage(t, REVIEW_FLAG_MESSAGES[flag])}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
