import { Button, Field, makeStyles, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n';
import type { CaptureResult } from '../features/evidence/evidenceStore';
import { CAPTURE_KINDS, needsAppointee, type CaptureKind } from '../features/outlook/captureKinds';
import { saveOpenMail } from '../features/outlook/readCapture';
import { ErrorPanel, type AppServices } from '../ui';
import { appointeeIssue, CaptureKindFields } from './CaptureKindFields';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

type State = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; result: CaptureResult } | { status: 'error'; error: unknown };

/** Read mode: save the open mail (budget decision, pentest invoice, auditor's request) as evidence, with type and note. */
export function ReadPane({ services, messageId }: { services: AppServices; messageId: string }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<CaptureKind>('budget');
  const [note, setNote] = useState('');
  const [appointee, setAppointee] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const appointeeBlocked = appointeeIssue(kind, appointee) !== null;

  const save = async () => {
    setState({ status: 'saving' });
    try {
      const result = await saveOpenMail(
        { mail: services.graph.mail, store: services.evidence, lang: language },
        { messageId, kind, note, ...(needsAppointee(kind) ? { appointee: appointee.trim() } : {}) },
      );
      setState({ status: 'saved', result });
    } catch (error) {
      setState({ status: 'error', error });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="chefsache-read-heading">
      <Text as="h3" weight="semibold" id="chefsache-read-heading">
        {t('outlook.read.heading')}
      </Text>
      <CaptureKindFields kinds={CAPTURE_KINDS} kind={kind} appointee={appointee} onKindChange={setKind} onAppointeeChange={setAppointee} />
      <Field label={t('outlook.read.note')}>
        <Textarea value={note} maxLength={1000} onChange={(_, data) => setNote(data.value)} />
      </Field>
      <Button appearance="primary" disabled={state.status === 'saving' || appointeeBlocked} onClick={() => void save()}>
        {t('outlook.read.save')}
      </Button>
      {state.status === 'saved' && (
        <MessageBar intent={state.result.status === 'queued' ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            {state.result.status === 'queued'
              ? t('outlook.read.queued')
              : t(state.result.status === 'created' ? 'outlook.read.created' : 'outlook.read.existing', { title: state.result.item.title })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'error' && <ErrorPanel error={state.error} onRetry={() => void save()} />}
    </section>
  );
}
