import { Button, Field, Input, Link, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_FRESHNESS_SETTINGS, type AcknowledgementPage } from '../../domain';
import type { BinderRecords } from '../../features/binder/binderRecords';
import type { BinderHistorySource } from '../../features/binder/historySource';
import type { BinderVerification } from '../../features/binder/verifyBinder';
import type { EvidenceStore, Progress } from '../../features/evidence/evidenceStore';
import { useI18n } from '../../i18n';
import { ErrorPanel } from '../../ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: Progress }
  | { kind: 'cancelled' }
  | { kind: 'ready'; url: string; name: string; count: number; mismatches: number }
  | { kind: 'error'; error: unknown };

const plainDate = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Export the auditor binder for a date range (progress, cancel) and verify a binder ZIP. */
export function BinderTools({
  store,
  company,
  history,
  records,
  acknowledgements,
}: {
  store: Pick<EvidenceStore, 'query' | 'content' | 'get'>;
  company: string;
  /** Version history and retention labels for the binder (Graph). */
  history?: BinderHistorySource;
  /** Decisions and signatures the binder checks the evidence against. */
  records?: BinderRecords;
  /** Staff acknowledgement pages (issue 15), loaded when the binder is exported. */
  acknowledgements?: () => Promise<AcknowledgementPage[]>;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const today = new Date();
  const [from, setFrom] = useState(plainDate(new Date(today.getFullYear() - 1, today.getMonth(), today.getDate())));
  const [to, setTo] = useState(plainDate(today));
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const [verification, setVerification] = useState<BinderVerification | { error: unknown } | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => () => { if (state.kind === 'ready') URL.revokeObjectURL(state.url); }, [state]);

  const run = async () => {
    controller.current = new AbortController();
    setState({ kind: 'running', progress: { done: 0, total: 0 } });
    // The ZIP and PDF code (fflate, pdf-lib) loads when the user exports, not with the tab.
    let binderModule: typeof import('../../features/binder/exportBinder') | undefined;
    try {
      binderModule = await import('../../features/binder/exportBinder');
      const { exportBinder } = binderModule;
      const [fy, fm, fd] = from.split('-').map(Number);
      const [ty, tm, td] = to.split('-').map(Number);
      // Each chunk of the streaming ZIP becomes a Blob of its own: the browser may keep them out of
      // the page's memory (on disk for large binders), and the download is one Blob of them all.
      const parts: Blob[] = [];
      const binder = await exportBinder({
        sink: { write: (chunk) => void parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>])) },
        store,
        ...(history ? { history } : {}),
        ...(records ? { records } : {}),
        ...(acknowledgements ? { acknowledgements: await acknowledgements().catch(() => []) } : {}),
        from: new Date(fy!, fm! - 1, fd!),
        to: new Date(ty!, tm! - 1, td!, 23, 59, 59, 999),
        company,
        lang: language,
        timeZone: DEFAULT_FRESHNESS_SETTINGS.timeZone,
        now: new Date(),
        signal: controller.current.signal,
        onProgress: (progress) => setState({ kind: 'running', progress }),
      });
      const name = `Auditordner_${from}_${to}.zip`;
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/zip' }));
      setState({ kind: 'ready', url, name, count: binder.manifest.itemCount, mismatches: binder.entries.filter((e) => e.hashMismatch).length });
    } catch (error) {
      setState(binderModule && error instanceof binderModule.BinderCancelledError ? { kind: 'cancelled' } : { kind: 'error', error });
    }
  };

  const verify = async (file: File | undefined) => {
    if (!file) return;
    try {
      const { verifyBinder } = await import('../../features/binder/verifyBinder');
      setVerification(await verifyBinder(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      setVerification({ error });
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Field label={t('panel.binder.from')}>
          <Input type="date" value={from} onChange={(_, data) => setFrom(data.value)} />
        </Field>
        <Field label={t('panel.binder.to')}>
          <Input type="date" value={to} onChange={(_, data) => setTo(data.value)} />
        </Field>
        <Button appearance="primary" disabled={state.kind === 'running' || !from || !to} onClick={() => void run()}>
          {t('panel.binder.export')}
        </Button>
        {state.kind === 'running' && <Button onClick={() => controller.current?.abort()}>{t('panel.binder.cancel')}</Button>}
      </div>
      {state.kind === 'running' && (
        <Field label={t('panel.binder.progress')} hint={t('panel.binder.progressText', { done: state.progress.done, total: state.progress.total })}>
          <ProgressBar value={state.progress.total ? state.progress.done / state.progress.total : undefined} />
        </Field>
      )}
      {state.kind === 'cancelled' && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t('panel.binder.cancelled')}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && <ErrorPanel error={state.error} />}
      {state.kind === 'ready' && (
        <MessageBar intent={state.mismatches ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <Text block>{t('panel.binder.ready', { count: state.count })}</Text>
            {state.mismatches > 0 && <Text block weight="semibold">{t('panel.binder.mismatches', { count: state.mismatches })}</Text>}
            <Link href={state.url} download={state.name}>
              {t('panel.binder.download', { name: state.name })}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('panel.binder.verifyFile')} hint={t('panel.binder.verify')}>
        {(fieldProps) => <input {...fieldProps} type="file" accept=".zip,application/zip" onChange={(event) => void verify(event.currentTarget.files?.[0])} />}
      </Field>
      {verification && 'error' in verification && <ErrorPanel error={verification.error} />}
      {verification && 'ok' in verification && <VerificationReport result={verification} />}
    </div>
  );
}

function VerificationReport({ result }: { result: BinderVerification }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (!result.readable) {
    return (
      <MessageBar layout="multiline" intent="error" role="alert">
        <MessageBarBody>
          {result.limit?.kind === 'totalBytes'
            ? t('panel.binder.verifyTooLarge', { limit: Math.round(result.limit.max / 1024 ** 2) })
            : result.limit?.kind === 'entries'
              ? t('panel.binder.verifyTooManyEntries', { limit: result.limit.max })
              : t('panel.binder.verifyUnreadable', { problem: result.problem })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (result.ok) {
    return (
      <MessageBar layout="multiline" intent="success" role="status">
        <MessageBarBody>{t('panel.binder.verifyOk', { count: result.checked })}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <Text block>{t('panel.binder.verifyFailed', { count: result.differences.length })}</Text>
        <ul className={styles.list}>
          {result.differences.map((d) => (
            <li key={`${d.kind}:${d.path}`}>{t(`panel.binder.${d.kind}`, { path: d.path })}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
