import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

/** Says unmistakably that the data is the emulator's demo company, not a Microsoft 365 tenant. */
export function DemoMarker({ emulatorUrl }: { emulatorUrl: string }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="off">
      <MessageBarBody>
        <MessageBarTitle>{t('demo.title')}</MessageBarTitle>
        {t('demo.body', { url: emulatorUrl })}
      </MessageBarBody>
    </MessageBar>
  );
}
