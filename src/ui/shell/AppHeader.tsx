import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { display: 'flex', flexDirection: 'column' },
  heading: { margin: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
});

/** The page banner: product name, tagline and the controls the shell adds (user picker, theme). */
export function AppHeader({ subtitle, children }: { subtitle?: string; children?: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <div className={styles.title}>
        <Text as="h1" size={600} weight="semibold" className={styles.heading}>
          {t('app.name')}
        </Text>
        <Text size={300}>{subtitle ?? t('app.tagline')}</Text>
      </div>
      {children && <div className={styles.controls}>{children}</div>}
    </header>
  );
}
