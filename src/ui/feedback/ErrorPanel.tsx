import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import type { GraphErrorKind } from '../../graph';
import { useI18n, type TranslationKey } from '../../i18n';
import { describeError } from './describeError';

/** Graph errors carry no words, only their `kind`: the title is named here (`error.kinds.*`); other kinds get the general title. */
const kindTitles: Partial<Record<GraphErrorKind, TranslationKey>> = {
  network: 'error.kinds.network',
  throttled: 'error.kinds.throttled',
  serviceUnavailable: 'error.kinds.serviceUnavailable',
  unauthorized: 'error.kinds.unauthorized',
  forbidden: 'error.kinds.forbidden',
  notFound: 'error.kinds.notFound',
};

/** An error with Graph's message, its request-id and a retry button. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, language } = useI18n();
  const description = describeError(error, language) ?? { message: '' };
  const titleKey = (description.kind && kindTitles[description.kind as GraphErrorKind]) || 'error.title';
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(titleKey)}</MessageBarTitle>
        <Text block>{description.message || t('error.unknown')}</Text>
        {description.code && <Text block size={200}>{t('error.code', { code: description.code })}</Text>}
        {description.requestId && (
          <Text block size={200}>{t('error.requestId', { requestId: description.requestId })}</Text>
        )}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
