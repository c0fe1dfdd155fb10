/** The latest signature of minutes, checked against the signature list: record, or what does not add up. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { SIGNATURE_FLAG_LABELS } from '../../domain';
import { useI18n } from '../../i18n';
import type { SignatureCheck } from '../../features/reviews/reviewsService';
import { formatDateTime } from './format';

export function SignatureCheckNotice({ check, currentVersion }: { check: SignatureCheck; currentVersion: number }) {
  const { t, language } = useI18n();
  const intent = check.record && check.flags.length === 0 ? 'success' : 'warning';
  return (
    <MessageBar intent={intent} layout="multiline" role="status" aria-label={t('reviews.minutes.signatureCheck')}>
      <MessageBarBody>
        <MessageBarTitle>{t('reviews.minutes.signatureCheck')}</MessageBarTitle>
        {check.record && (
          <div>
            {t('reviews.minutes.signatureRecord', {
              id: check.record.id,
              name: check.record.createdBy.displayName ?? check.record.createdBy.id ?? '?',
              date: formatDateTime(check.record.createdAt, language),
            })}
          </div>
        )}
        {check.superseded && <div>{t('reviews.minutes.needsNewSignature', { version: check.version, current: currentVersion })}</div>}
        {check.flags.map((flag) => (
          <div key={flag}>{t(SIGNATURE_FLAG_LABELS[flag].key)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
