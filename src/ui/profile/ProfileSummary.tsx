import { makeStyles, Persona, Text, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { Profile } from './profileServices';

const useStyles = makeStyles({
  region: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The signed-in user (name, job title) and the company (organization displayName). */
export function ProfileSummary({ profile }: { profile: Profile }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.region} aria-label={t('profile.region')}>
      <div className={styles.column}>
        <Text size={200}>{t('profile.user')}</Text>
        <Persona
          name={profile.user.displayName}
          secondaryText={profile.user.jobTitle ?? t('profile.noJobTitle')}
          avatar={{ 'aria-hidden': true }}
        />
      </div>
      <div className={styles.column}>
        <Text size={200}>{t('profile.company')}</Text>
        <Text weight="semibold">{profile.organization.displayName}</Text>
      </div>
    </section>
  );
}
