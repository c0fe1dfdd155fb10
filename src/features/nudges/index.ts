export { dashboardNudges, DEFAULT_TEAMS_APP_ID, type DashboardNudgeContext, type DashboardNudgeOptions } from './dashboardNudges';
export { nudgeDeepLink, sectionOfDeepLink, PERSONAL_TAB_ENTITY_ID } from './deepLink';
export { dueNudges, NUDGE_KINDS, NUDGE_RULES, LEAD_DAYS, type Nudge, type NudgeInput, type NudgeKind } from './nudgeRules';
export { runNudges, type NudgeOutcome } from './runNudges';
export { createNudgeLog, nudgeKey, type NudgeLog } from './nudgeLog';
