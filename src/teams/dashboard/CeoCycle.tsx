import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CeoActionState, CeoActionStatus } from '../../domain';
import { useI18n, type TranslationKey } from '../../i18n';

const STATE_KEYS: Record<CeoActionState, TranslationKey> = {
  evidenced: 'dashboard.cycle.evidenced',
  partly: 'dashboard.cycle.partly',
  missing: 'dashboard.cycle.missing',
};

const FILL: Record<CeoActionState, string> = {
  evidenced: tokens.colorPaletteGreenBackground3,
  partly: tokens.colorPaletteMarigoldBackground3,
  missing: tokens.colorNeutralBackground5,
};

const useStyles = makeStyles({
  figure: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'center', margin: 0 },
  svg: { width: '320px', maxWidth: '100%', height: 'auto' },
  legend: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const SIZE = 320;
const CENTER = SIZE / 2;
const RADIUS = 112;
const NODE = 34;

function position(index: number, count: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle), angle };
}

/** The five CEO actions as a cycle: filled green when evidenced, amber when partly, grey when missing. */
export function CeoCycle({ actions }: { actions: readonly CeoActionStatus[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const summary = actions.map((a) => `${t(a.title.key)}: ${t(STATE_KEYS[a.state])}`).join('; ');
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('dashboard.cycle.label', { summary })}>
        <defs>
          <marker id="ceo-cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" style={{ fill: tokens.colorNeutralForeground3 }} />
          </marker>
        </defs>
        {actions.map((_, index) => {
          const from = position(index, actions.length);
          const to = position((index + 1) % actions.length, actions.length);
          const gap = (NODE + 6) / RADIUS;
          const start = { x: CENTER + RADIUS * Math.cos(from.angle + gap), y: CENTER + RADIUS * Math.sin(from.angle + gap) };
          const end = { x: CENTER + RADIUS * Math.cos(to.angle - gap), y: CENTER + RADIUS * Math.sin(to.angle - gap) };
          return (
            <path
              key={`arc-${index}`}
              d={`M ${start.x} ${start.y} A ${RADIUS} ${RADIUS} 0 0 1 ${end.x} ${end.y}`}
              style={{ fill: 'none', stroke: tokens.colorNeutralForeground3, strokeWidth: 2 }}
              markerEnd="url(#ceo-cycle-arrow)"
            />
          );
        })}
        {actions.map((action, index) => {
          const { x, y } = position(index, actions.length);
          return (
            <g key={action.id} data-action={action.id} data-state={action.state}>
              <title>{`${t(action.title.key)}: ${t(STATE_KEYS[action.state])}`}</title>
              <circle cx={x} cy={y} r={NODE} style={{ fill: FILL[action.state], stroke: tokens.colorNeutralStroke1, strokeWidth: 2 }} />
              <text x={x} y={y + 7} textAnchor="middle" style={{ fill: tokens.colorNeutralForeground1, fontSize: 20, fontWeight: 600 }}>
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <ol className={styles.legend}>
        {actions.map((action) => (
          <li key={action.id}>
            <Text weight="semibold">{t(action.title.key)}</Text> – <Text>{t(STATE_KEYS[action.state])}</Text>
            <Text block size={200}>
              {t(action.action.key)}
            </Text>
          </li>
        ))}
      </ol>
    </figure>
  );
}
