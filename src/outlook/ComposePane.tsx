import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Switch, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { COMPOSE_KINDS, needsAppointee, type CaptureKind } from '../features/outlook/captureKinds';
import type { ComposeMail, MasterCategories } from '../features/outlook/composeMail';
import { readTagState, tagMail, untagMail, type TagState } from '../features/outlook/tagging';
import { TEMPLATE_IDS, TEMPLATES, templateHtml, type TemplateId } from '../features/outlook/templates';
import { ErrorPanel } from '../ui';
import { appointeeIssue, CaptureKindFields } from './CaptureKindFields';
import { useShrinkingSelectStyles } from './paneStyles';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 } });

export interface ComposePaneProps {
  mail: ComposeMail;
  master: MasterCategories;
  insertHtml: (html: string) => Promise<void>;
  newCaptureId: () => string;
}

/** Compose mode: mark the mail as ISMS evidence (type, appointee), see whether it will be captured, insert templates. */
export function ComposePane({ mail, master, insertHtml, newCaptureId }: ComposePaneProps) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const selectStyles = useShrinkingSelectStyles();
  const [tag, setTag] = useState<TagState | null>(null);
  const [kind, setKind] = useState<CaptureKind>('allStaff');
  const [appointee, setAppointee] = useState('');
  const [template, setTemplate] = useState<TemplateId>('policyCore');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const state = await readTagState(mail);
    setTag(state);
    if (state.state === 'tagged') {
      setKind(state.tag.kind);
      setAppointee(state.tag.appointee ?? '');
    }
  }, [mail]);

  useEffect(() => {
    refresh().catch(setError);
  }, [refresh]);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const captureId = tag?.state === 'tagged' ? tag.tag.captureId : undefined;
  const appointeeBlocked = appointeeIssue(kind, appointee) !== null;
  const apply = (next: { kind?: CaptureKind; appointee?: string }) => {
    const k = next.kind ?? kind;
    const a = (next.appointee ?? appointee).trim();
    if (appointeeIssue(k, a) !== null) return Promise.resolve();
    return tagMail(mail, master, { kind: k, captureId: captureId ?? newCaptureId(), ...(needsAppointee(k) ? { appointee: a } : {}) });
  };
  const tagged = tag?.state === 'tagged';

  return (
    <section className={styles.root} aria-labelledby="chefsache-compose-heading">
      <Text as="h3" weight="semibold" id="chefsache-compose-heading">
        {t('outlook.compose.heading')}
      </Text>
      <CaptureKindFields
        kinds={COMPOSE_KINDS}
        kind={kind}
        appointee={appointee}
        onKindChange={(next) => {
          setKind(next);
          if (tagged) void act(() => apply({ kind: next }));
        }}
        onAppointeeChange={setAppointee}
        onAppointeeBlur={() => tagged && void act(() => apply({}))}
      />
      <Switch
        label={t('outlook.compose.mark')}
        checked={tagged}
        disabled={busy || tag === null || (!tagged && appointeeBlocked)}
        onChange={(_, data) => void act(() => (data.checked ? apply({}) : untagMail(mail)))}
      />
      {tag && (
        <MessageBar intent={tag.state === 'untagged' ? 'info' : 'success'} layout="multiline">
          <MessageBarBody>
            {tag.state === 'tagged'
              ? t('outlook.compose.willCapture', { kind: t(`outlook.kinds.${tag.tag.kind}`) })
              : tag.state === 'categoryOnly'
                ? t('outlook.compose.categoryOnly')
                : t('outlook.compose.willNotCapture')}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('outlook.templates.label')} className={selectStyles.field}>
        <Select className={selectStyles.select} value={template} onChange={(_, data) => setTemplate(data.value as TemplateId)}>
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`outlook.templates.${id}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        disabled={busy}
        onClick={() =>
          void act(async () => {
            await insertHtml(templateHtml(template, language));
            if (!tagged) setKind(TEMPLATES[template].kind);
          })
        }
      >
        {t('outlook.templates.insert')}
      </Button>
      {error !== null && <ErrorPanel error={error} />}
    </section>
  );
}
