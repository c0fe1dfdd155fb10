import { Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewDecision } from '../../features/evidence/evidenceStore';
import { decisionViolation, REVIEW_RULE_MESSAGES } from '../../domain';
import { translateMessage, useI18n } from '../../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Accept or reject; rejecting needs a comment. */
export function ReviewForm({ busy, onDecide }: { busy: boolean; onDecide: (decision: ReviewDecision) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reject = () => {
    if (decisionViolation({ status: 'rejected', comment })) {
      setMissingReason(true);
      return;
    }
    onDecide({ status: 'rejected', comment: comment.trim() });
  };
  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
      <Field
        label={t('panel.review.comment')}
        hint={t('panel.review.commentHint')}
        validationState={missingReason ? 'error' : 'none'}
        validationMessage={missingReason ? translateMessage(t, REVIEW_RULE_MESSAGES.commentRequired) : undefined}
      >
        <Textarea
          value={comment}
          onChange={(_, data) => {
            setComment(data.value);
            if (data.value.trim()) setMissingReason(false);
          }}
          resize="vertical"
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => onDecide({ status: 'accepted', ...(comment.trim() ? { comment: comment.trim() } : {}) })}>
          {t('panel.review.accept')}
        </Button>
        <Button disabled={busy} onClick={reject}>
          {t('panel.review.reject')}
        </Button>
      </div>
      {busy && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('panel.review.saving')}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
