/**
 * The type of evidence and, for an ISB appointment, the appointed person: one component for the
 * compose and the read pane, with the address rule of captureTag.ts (exactly one mail address).
 */
import { Field, Input, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { isCaptureKind, needsAppointee, type CaptureKind } from '../features/outlook/captureKinds';
import { isMailAddress } from '../features/outlook/captureTag';
import { useShrinkingSelectStyles } from './paneStyles';

export type AppointeeIssue = 'missing' | 'invalid';

/** What is wrong with the appointee for this kind, or null when it may be saved. */
export function appointeeIssue(kind: CaptureKind, appointee: string): AppointeeIssue | null {
  if (!needsAppointee(kind)) return null;
  if (appointee.trim() === '') return 'missing';
  return isMailAddress(appointee) ? null : 'invalid';
}

export interface CaptureKindFieldsProps {
  kinds: readonly CaptureKind[];
  kind: CaptureKind;
  appointee: string;
  onKindChange: (kind: CaptureKind) => void;
  onAppointeeChange: (appointee: string) => void;
  onAppointeeBlur?: () => void;
}

export function CaptureKindFields({ kinds, kind, appointee, onKindChange, onAppointeeChange, onAppointeeBlur }: CaptureKindFieldsProps) {
  const { t } = useI18n();
  const selectStyles = useShrinkingSelectStyles();
  const issue = appointeeIssue(kind, appointee);
  const message = issue === 'missing' ? t('outlook.compose.appointeeMissing') : issue === 'invalid' ? t('outlook.compose.appointeeInvalid', { value: appointee.trim() }) : undefined;
  return (
    <>
      <Field label={t('outlook.compose.kind')} className={selectStyles.field}>
        <Select className={selectStyles.select} value={kind} onChange={(_, data) => isCaptureKind(data.value) && onKindChange(data.value)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`outlook.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {needsAppointee(kind) && (
        <Field label={t('outlook.compose.appointee')} validationMessage={message} validationState={issue ? 'error' : 'none'}>
          <Input type="email" value={appointee} onChange={(_, data) => onAppointeeChange(data.value)} {...(onAppointeeBlur ? { onBlur: onAppointeeBlur } : {})} />
        </Field>
      )}
    </>
  );
}
