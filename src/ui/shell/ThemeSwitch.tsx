import { Switch } from '@fluentui/react-components';
import { useI18n } from '../../i18n';

export function ThemeSwitch({ dark, onChange }: { dark: boolean; onChange: (dark: boolean) => void }) {
  const { t } = useI18n();
  return <Switch label={t('theme.dark')} checked={dark} onChange={(_, data) => onChange(data.checked)} />;
}
