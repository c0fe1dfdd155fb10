import { Text } from '@fluentui/react-components';
import { useI18n, type TranslationKey } from '../../i18n';
import { formatDueDate } from './format';
import type { ActionItem, ActionTracking } from '../../features/reviews/minutes';

export interface OpenActionsProps {
  items: readonly (ActionItem & { from: string })[];
  tracking: (item: ActionItem & { from: string }) => ActionTracking | undefined;
}

/** Open action items from earlier reviews with their To Do status (input a of the next review). */
export function OpenActions({ items, tracking }: OpenActionsProps) {
  const { t, language } = useI18n();
  if (items.length === 0) return <Text>{t('reviews.actions.none')}</Text>;
  return (
    <ul aria-label={t('reviews.actions.heading')}>
      {items.map((item) => {
        const tracked = tracking(item);
        const status = tracked ? t(`reviews.actions.status.${tracked.status}` as TranslationKey) : t('reviews.actions.status.noTask', { owner: item.owner.displayName });
        return (
          <li key={`${item.from}/${item.id}`}>
            {t('reviews.actions.item', { title: item.title, owner: item.owner.displayName, due: formatDueDate(item.dueDate, language) })} ({status})
          </li>
        );
      })}
    </ul>
  );
}
