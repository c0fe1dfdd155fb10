import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { ErrorPanel } from '../../ui';
import { reviewErrorMessage } from './reviewErrors';

/** An error of a review action: a plain message for known cases, else the shared error panel. */
export function ReviewFeedback({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const message = reviewErrorMessage(error, t);
  if (message === null) return <ErrorPanel error={error} />;
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
