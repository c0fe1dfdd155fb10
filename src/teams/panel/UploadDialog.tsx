import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { evidenceTypeById, type PersonRef } from '../../domain';
import type { EvidenceStore, Progress } from '../../features/evidence/evidenceStore';
import { UPLOAD_FORMS, UPLOAD_TYPES, buildUploadCapture, type UploadError, type UploadFieldId, type UploadType, type UploadValues } from '../../features/panel/uploadForms';
import { useI18n, type TranslationKey } from '../../i18n';
import { ErrorPanel } from '../../ui';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface UploadDialogProps {
  store: Pick<EvidenceStore, 'capture'>;
  people: readonly PersonRef[];
  /** Opens the dialog at once with this type (a first step's one click). */
  initialType?: UploadType;
  onUploaded: () => void;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'done'; message: string } | { kind: 'error'; error: unknown };

async function readFile(file: File): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  return { fileName: file.name, contentType: file.type || 'application/octet-stream', bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Megabytes with one decimal, in the reader's language (12,5 / 12.5). */
function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** Upload forms for the documents no mailbox produces, with the fields each type needs. */
export function UploadDialog({ store, people, initialType, onUploaded }: UploadDialogProps) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [open, setOpen] = useState(initialType !== undefined);
  const [type, setType] = useState<UploadType>(initialType ?? 'securityPolicy');
  const [values, setValues] = useState<UploadValues>({});
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<Partial<Record<UploadFieldId | 'file', UploadError>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** Bytes stored while saving (a scanned PDF of 30 MB goes up in fragments). */
  const [progress, setProgress] = useState<Progress | undefined>();

  const label = (id: UploadFieldId) => t(`panel.upload.fields.${id}` as TranslationKey);
  const errorText = (id: UploadFieldId | 'file') => (errors[id] ? t(`panel.upload.errors.${errors[id]}` as TranslationKey) : undefined);

  const submit = async () => {
    setStatus({ kind: 'saving' });
    setProgress(undefined);
    try {
      const result = buildUploadCapture({
        type,
        values,
        ...(file ? { file: await readFile(file) } : {}),
        people,
        uploadId: crypto.randomUUID(),
        now: new Date(),
        label,
      });
      if (!result.ok) {
        setErrors(result.errors);
        setStatus({ kind: 'idle' });
        return;
      }
      setErrors({});
      const saved = await store.capture(result.input, { onUploadProgress: setProgress });
      const title = result.input.title;
      const message =
        saved.status === 'created' ? t('panel.upload.created', { title }) : saved.status === 'existing' ? t('panel.upload.existing') : t('panel.upload.queued', { title });
      setStatus({ kind: 'done', message });
      setValues({});
      setFile(undefined);
      onUploaded();
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_, data) => { setOpen(data.open); if (!data.open) setStatus({ kind: 'idle' }); }}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('panel.upload.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('panel.upload.title')}</DialogTitle>
          <DialogContent>
            <form className={styles.form} noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }} id="chefsache-upload-form">
              <Field label={t('panel.upload.type')}>
                <Dropdown
                  value={t(evidenceTypeById(type).label)}
                  selectedOptions={[type]}
                  onOptionSelect={(_, data) => { setType(data.optionValue as UploadType); setErrors({}); }}
                >
                  {UPLOAD_TYPES.map((id) => (
                    <Option key={id} value={id}>
                      {t(evidenceTypeById(id).label)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {UPLOAD_FORMS[type].map((field) => {
                const common = { label: label(field.id), required: field.required, validationMessage: errorText(field.id), validationState: errors[field.id] ? ('error' as const) : ('none' as const) };
                const set = (value: string) => setValues((current) => ({ ...current, [field.id]: value }));
                const value = values[field.id] ?? '';
                if (field.kind === 'person') {
                  const chosen = people.find((p) => p.id === value);
                  return (
                    <Field key={field.id} {...common}>
                      <Dropdown placeholder={t('panel.upload.choosePerson')} value={chosen?.displayName ?? ''} selectedOptions={value ? [value] : []} onOptionSelect={(_, data) => set(data.optionValue ?? '')}>
                        {people.map((p) => (
                          <Option key={p.id ?? p.upn} value={p.id ?? p.upn ?? ''}>
                            {p.displayName}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  );
                }
                if (field.kind === 'multiline') {
                  return (
                    <Field key={field.id} {...common}>
                      <Textarea value={value} onChange={(_, data) => set(data.value)} />
                    </Field>
                  );
                }
                const inputType = field.kind === 'date' ? 'date' : field.kind === 'url' ? 'url' : 'text';
                return (
                  <Field key={field.id} {...common}>
                    <Input type={inputType} inputMode={field.kind === 'number' || field.kind === 'year' ? 'decimal' : undefined} value={value} onChange={(_, data) => set(data.value)} />
                  </Field>
                );
              })}
              <Field label={t('panel.upload.file')} required validationMessage={errorText('file')} validationState={errors.file ? 'error' : 'none'}>
                {(fieldProps) => <input {...fieldProps} type="file" onChange={(event) => setFile(event.currentTarget.files?.[0])} />}
              </Field>
              {status.kind === 'saving' && progress && progress.total > 0 && (
                <Field label={t('panel.upload.progress', { done: megabytes(progress.done, language), total: megabytes(progress.total, language) })}>
                  <ProgressBar value={progress.done} max={progress.total} />
                </Field>
              )}
              {status.kind === 'done' && (
                <MessageBar layout="multiline" intent="success">
                  <MessageBarBody>{status.message}</MessageBarBody>
                </MessageBar>
              )}
              {status.kind === 'error' && <ErrorPanel error={status.error} />}
            </form>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('panel.upload.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" type="submit" form="chefsache-upload-form" disabled={status.kind === 'saving'}>
              {status.kind === 'saving' ? t('panel.upload.saving') : t('panel.upload.submit')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
