export { browserEnvironment, detectHost, type HostEnvironment } from './detectHost';
export type { HostInfo, HostKind, HostTheme, ThemeListener } from './types';
