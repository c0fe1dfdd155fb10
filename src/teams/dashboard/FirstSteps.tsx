import { Badge, Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { FirstStepId, FirstStepStatus } from '../../domain';
import { useI18n, type TranslationKey } from '../../i18n';

const ACTION_LABELS: Record<FirstStepId, TranslationKey> = {
  bookReview: 'dashboard.firstSteps.bookReview',
  checkPolicy: 'dashboard.firstSteps.checkPolicy',
  sendMessage: 'dashboard.firstSteps.sendMessage',
};

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, listStyle: 'none', margin: 0, padding: 0 },
});

/** The seed's three first steps, each done when its evidence exists, each one click away. */
export function FirstSteps({ steps, links, headingId }: { steps: readonly FirstStepStatus[]; links: Record<FirstStepId, string>; headingId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ol className={styles.grid} aria-labelledby={headingId}>
      {steps.map((step) => (
        <li key={step.id} data-step={step.id} data-done={step.done}>
          <Card>
            <CardHeader
              header={<Text weight="semibold">{t(step.title.key)}</Text>}
              action={
                <Badge appearance="tint" color={step.done ? 'success' : 'warning'}>
                  {t(step.done ? 'dashboard.firstSteps.done' : 'dashboard.firstSteps.open')}
                </Badge>
              }
            />
            <Text size={200}>{t(step.howTo.key)}</Text>
            {!step.done && (
              <Link href={links[step.id]} {...(links[step.id].startsWith('http') ? { target: '_blank', rel: 'noreferrer' } : {})}>
                {t(ACTION_LABELS[step.id])}
              </Link>
            )}
          </Card>
        </li>
      ))}
    </ol>
  );
}
