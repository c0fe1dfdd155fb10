import { Spinner, Text } from '@fluentui/react-components';
import { useCallback, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { ErrorPanel } from '../feedback/ErrorPanel';
import { useAsync } from '../feedback/useAsync';
import type { ShellSession } from '../session/session';
import { loadProfile, type Profile, type ProfileServices } from './profileServices';
import { ProfileSummary } from './ProfileSummary';

/**
 * Who is signed in: a prompt to pick a demo user, a loading state, an error with retry, or the
 * profile. `children` renders what the page shows below a loaded profile.
 */
export function SignInStatus({ session, children }: { session: ShellSession; children?: (profile: Profile) => ReactNode }) {
  const { t } = useI18n();
  if (session.state === 'needsDemoUser') return <Text>{t('demoUser.choosePrompt')}</Text>;
  if (session.state === 'unavailable') return <ErrorPanel error={session.error} />;
  return <LoadedProfile key={session.key} services={session.services} render={children} />;
}

function LoadedProfile({ services, render }: { services: ProfileServices; render?: ((profile: Profile) => ReactNode) | undefined }) {
  const { t } = useI18n();
  const load = useCallback(() => loadProfile(services), [services]);
  const profile = useAsync(load);
  if (profile.status === 'error') return <ErrorPanel error={profile.error} onRetry={profile.retry} />;
  if (profile.status !== 'success') return <Spinner label={t('profile.loading')} />;
  return (
    <>
      <ProfileSummary profile={profile.data} />
      {render?.(profile.data)}
    </>
  );
}
