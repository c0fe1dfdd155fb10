import { Link, Text } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { EvidenceTable, SignInStatus, type PageComponent, type ShellSession } from '../ui';

/** The Teams tab's first screen: who is signed in, the company, and the evidence list. */
export const TabPage: PageComponent = ({ session, host }) => <TabContent session={session} teamSiteUrl={host.teamSiteUrl} />;

function TabContent({ session, teamSiteUrl }: { session: ShellSession; teamSiteUrl: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {teamSiteUrl && (
        <Text size={200}>
          <Link href={teamSiteUrl} target="_blank" rel="noreferrer">
            {t('teams.teamSite', { url: teamSiteUrl })}
          </Link>
        </Text>
      )}
      <SignInStatus session={session}>{() => <EvidenceTable items={[]} />}</SignInStatus>
    </>
  );
}
