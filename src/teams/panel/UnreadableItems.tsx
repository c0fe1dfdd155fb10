/**
 * Evidence items that fail validation (issue 11, "nothing disappears"): each with its id, the
 * reason and its raw fields. The fields come from SharePoint and are untrusted: they are shown as
 * plain text only (React escapes them), never as HTML, and long values are cut.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UnreadableEvidence } from '../../features/evidence/evidenceStore';
import { rawFieldLines } from '../../features/evidence/unreadable';
import { translateMessage, useI18n } from '../../i18n';

const useStyles = makeStyles({
  fields: { whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: 0 },
});

export function UnreadableItems({ items }: { items: readonly UnreadableEvidence[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section aria-label={t('panel.unreadable.heading', { count: items.length })}>
      <MessageBar layout="multiline" intent="warning">
        <MessageBarBody>
          <MessageBarTitle>{t('panel.unreadable.heading', { count: items.length })}</MessageBarTitle>
          {t('panel.unreadable.explanation')}
        </MessageBarBody>
      </MessageBar>
      <Accordion multiple collapsible>
        {items.map((item) => (
          <AccordionItem key={item.id} value={item.id}>
            <AccordionHeader>{t('panel.unreadable.item', { id: item.id })}</AccordionHeader>
            <AccordionPanel>
              <Text block>
                {t('panel.unreadable.reason')}: {translateMessage(t, item.reason)}
              </Text>
              <Text block weight="semibold">
                {t('panel.unreadable.fields')}
              </Text>
              <pre className={styles.fields} aria-label={t('panel.unreadable.fieldsOf', { id: item.id })}>
                {rawFieldLines(item.fields).join('\n')}
              </pre>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
