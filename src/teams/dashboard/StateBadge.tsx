import { Badge, makeStyles } from '@fluentui/react-components';
import { CHECKLIST_STATE_LABELS, type ChecklistState } from '../../domain';
import { useI18n } from '../../i18n';

const COLORS: Record<ChecklistState, 'success' | 'warning' | 'danger' | 'informative'> = {
  accepted: 'success',
  waitingForReview: 'informative',
  stale: 'warning',
  missing: 'danger',
};

// One line, never squeezed: the tables give the state column the width of the longest label.
const useStyles = makeStyles({ badge: { whiteSpace: 'nowrap', flexShrink: 0 } });

/** Missing / waiting for review / accepted / stale, as a coloured badge with its word. */
export function StateBadge({ state }: { state: ChecklistState }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge appearance="filled" color={COLORS[state]} data-state={state} className={styles.badge}>
      {t(CHECKLIST_STATE_LABELS[state].key)}
    </Badge>
  );
}
