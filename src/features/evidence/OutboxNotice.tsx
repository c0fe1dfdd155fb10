/**
 * "Waiting to be stored: N": what sits in the evidence outbox, visible wherever captures happen
 * (ISB panel, task pane). Renders nothing when the outbox is empty.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { OutboxEntry } from './evidenceStore';

export interface OutboxNoticeProps {
  entries: readonly OutboxEntry[];
  /** Retries now (e.g. `useEvidence(...).retryOutbox`); without it there is no button. */
  onRetry?: () => Promise<void> | void;
}

export function OutboxNotice({ entries, onRetry }: OutboxNoticeProps) {
  const { t, locale } = useI18n();
  const [retrying, setRetrying] = useState(false);
  if (entries.length === 0) return null;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const retry = async () => {
    if (!onRetry) return;
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };
  return (
    <MessageBar intent="warning" layout="multiline" role="status" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{t('store.outbox.waiting', { count: entries.length })}</MessageBarTitle>
        {t('store.outbox.explanation')}
        <details>
          <summary>{t('store.outbox.details')}</summary>
          <ul aria-label={t('store.outbox.details')}>
            {entries.map((entry) => (
              <li key={entry.id}>
                <strong>{entry.title}</strong>
                {' · '}
                {t('store.outbox.queuedAt', { date: format.format(new Date(entry.queuedAt)) })}
                {' · '}
                {t('store.outbox.attempts', { count: entry.attempts })}
                <div>{t('store.outbox.lastError', { message: entry.lastError })}</div>
              </li>
            ))}
          </ul>
        </details>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="secondary" onClick={() => void retry()} disabled={retrying}>
            {retrying ? t('store.outbox.retrying') : t('store.outbox.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
