import { makeStyles } from '@fluentui/react-components';

/**
 * A native select is as wide as its longest option; in Outlook's narrow task pane (about 320 px)
 * a Field around it must let it shrink to the pane instead of pushing the pane wider.
 */
export const useShrinkingSelectStyles = makeStyles({
  field: { gridTemplateColumns: 'minmax(0, 1fr)' },
  select: { minWidth: 0 },
});
