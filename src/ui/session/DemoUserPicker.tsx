import { Dropdown, Field, Option, Spinner } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { describeError } from '../feedback/describeError';
import { useAsync } from '../feedback/useAsync';
import { fetchDemoUsers, type DemoUser } from './demoUsers';

export interface DemoUserPickerProps {
  emulatorUrl: string;
  selectedUpn: string | null;
  onSelect(upn: string): void;
  fetchFn?: typeof fetch;
}

/** Fluent Dropdown listing the emulator's demo users (`GET /_signin/users`). */
export function DemoUserPicker({ emulatorUrl, selectedUpn, onSelect, fetchFn }: DemoUserPickerProps) {
  const { t, language } = useI18n();
  const load = useCallback(() => fetchDemoUsers(emulatorUrl, fetchFn), [emulatorUrl, fetchFn]);
  const users = useAsync(load);
  const label = (user: DemoUser) =>
    user.jobTitle ? t('demoUser.option', { name: user.displayName, jobTitle: user.jobTitle }) : user.displayName;

  if (users.status === 'loading' || users.status === 'idle') {
    return <Spinner size="tiny" label={t('demoUser.loading')} />;
  }
  if (users.status === 'error') {
    return (
      <Field
        label={t('demoUser.label')}
        validationState="error"
        validationMessage={`${t('demoUser.loadFailed', { url: emulatorUrl })} ${describeError(users.error, language)?.message ?? ''}`}
      >
        <Dropdown disabled placeholder={t('demoUser.placeholder')} />
      </Field>
    );
  }
  const selected = users.data.find((user) => user.userPrincipalName === selectedUpn);
  return (
    <Field label={t('demoUser.label')}>
      <Dropdown
        placeholder={t('demoUser.placeholder')}
        value={selected ? label(selected) : ''}
        selectedOptions={selected ? [selected.userPrincipalName] : []}
        onOptionSelect={(_, data) => data.optionValue && onSelect(data.optionValue)}
      >
        {users.data.map((user) => (
          <Option key={user.id} value={user.userPrincipalName} text={label(user)}>
            {label(user)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
