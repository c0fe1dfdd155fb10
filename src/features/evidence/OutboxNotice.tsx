/**
 * What sits in the evidence outbox, visible wherever people work (Teams tab, Outlook task pane):
 * "Waiting to be stored: N" with "Try again now", the items waiting for more than a day by name,
 * and each capture that failed for good with its error in words, "Try again" and "Discard".
 * Renders nothing when the outbox is empty. `OutboxStatus` runs the automatic retry (useOutbox).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n, type TranslationKey } from '../../i18n';
import type { EvidenceStore, OutboxEntry } from './evidenceStore';
import { useOutbox } from './useOutbox';

const DAY_MS = 24 * 60 * 60 * 1000;

const KIND_WORDS: Partial<Record<string, TranslationKey>> = {
  network: 'error.kinds.network',
  throttled: 'error.kinds.throttled',
  serviceUnavailable: 'error.kinds.serviceUnavailable',
  server: 'error.kinds.serviceUnavailable',
  unauthorized: 'error.kinds.unauthorized',
  forbidden: 'error.kinds.forbidden',
  notFound: 'error.kinds.notFound',
};

export interface OutboxNoticeProps {
  entries: readonly OutboxEntry[];
  /** Retries everything waiting now; without it there is no button. */
  onRetry?: () => Promise<void> | void;
  /** Tries one capture that failed for good again. */
  onRetryOne?: (id: string) => Promise<void> | void;
  /** Discards one capture that failed for good (the user's decision). */
  onDiscard?: (id: string) => Promise<void> | void;
  /** Now (tests pass a fixed time). */
  now?: Date;
}

function useBusy() {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void> | void) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return [busy, run] as const;
}

export function OutboxNotice({ entries, onRetry, onRetryOne, onDiscard, now = new Date() }: OutboxNoticeProps) {
  const { t, locale } = useI18n();
  const [retrying, runRetry] = useBusy();
  const waiting = entries.filter((entry) => !entry.failed);
  const failed = entries.filter((entry) => entry.failed);
  if (entries.length === 0) return null;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const overADay = waiting.filter((entry) => now.getTime() - Date.parse(entry.queuedAt) > DAY_MS);
  return (
    <>
      {waiting.length > 0 && (
        <MessageBar intent="warning" layout="multiline" role="status" aria-live="polite">
          <MessageBarBody>
            <MessageBarTitle>{t('store.outbox.waiting', { count: waiting.length })}</MessageBarTitle>
            {t('store.outbox.explanation')}
            {overADay.length > 0 && <Text block weight="semibold">{t('store.outbox.overADay', { titles: overADay.map((e) => e.title).join(', ') })}</Text>}
            <details>
              <summary>{t('store.outbox.details')}</summary>
              <ul aria-label={t('store.outbox.details')}>
                {waiting.map((entry) => (
                  <li key={entry.id}>
                    <strong>{entry.title}</strong>
                    {' · '}
                    {t('store.outbox.queuedAt', { date: format.format(new Date(entry.queuedAt)) })}
                    {' · '}
                    {t('store.outbox.attempts', { count: entry.attempts })}
                    <div>{entry.attempts === 0 ? t('store.outbox.notSent') : t('store.outbox.lastError', { message: entry.lastError })}</div>
                  </li>
                ))}
              </ul>
            </details>
          </MessageBarBody>
          {onRetry && (
            <MessageBarActions>
              <Button appearance="secondary" onClick={() => void runRetry(onRetry)} disabled={retrying}>
                {retrying ? t('store.outbox.retrying') : t('store.outbox.retry')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {failed.map((entry) => (
        <FailedCapture key={entry.id} entry={entry} onRetry={onRetryOne} onDiscard={onDiscard} />
      ))}
    </>
  );
}

/** A capture that failed for good: what went wrong in words, "Try again", "Discard". */
function FailedCapture({ entry, onRetry, onDiscard }: { entry: OutboxEntry; onRetry?: (id: string) => Promise<void> | void; onDiscard?: (id: string) => Promise<void> | void }) {
  const { t } = useI18n();
  const [busy, run] = useBusy();
  const words = (entry.errorKind && KIND_WORDS[entry.errorKind]) || 'store.outbox.failedUnknown';
  return (
    <MessageBar intent="error" layout="multiline" role="alert" aria-label={t('store.outbox.failedTitle', { title: entry.title })}>
      <MessageBarBody>
        <MessageBarTitle>{t('store.outbox.failedTitle', { title: entry.title })}</MessageBarTitle>
        <Text block>{t(words)}</Text>
        <Text block size={200}>{t('store.outbox.lastError', { message: entry.lastError })}</Text>
        <Text block size={200}>{t('store.outbox.failedKept')}</Text>
      </MessageBarBody>
      <MessageBarActions>
        {onRetry && (
          <Button appearance="primary" disabled={busy} onClick={() => void run(() => onRetry(entry.id))}>
            {t('store.outbox.tryAgain')}
          </Button>
        )}
        {onDiscard && (
          <Button appearance="secondary" disabled={busy} onClick={() => void run(() => onDiscard(entry.id))}>
            {t('store.outbox.discard')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

/** The outbox of a page: retried by itself (start, reconnect, every two minutes), shown with its actions. */
export function OutboxStatus({ store, intervalMs }: { store: EvidenceStore; intervalMs?: number }) {
  const outbox = useOutbox(store, intervalMs ? { intervalMs } : {});
  return <OutboxNotice entries={outbox.entries} onRetry={outbox.retryAll} onRetryOne={outbox.retry} onDiscard={outbox.discard} />;
}
