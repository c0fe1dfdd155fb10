export { describeError, type ErrorDescription } from './feedback/describeError';
export { ErrorPanel } from './feedback/ErrorPanel';
export { useAsync, type AsyncState } from './feedback/useAsync';
export { loadProfile, type Profile, type ProfileServices } from './profile/profileServices';
export { ProfileSummary } from './profile/ProfileSummary';
export { SignInStatus } from './profile/SignInStatus';
export { openSession, type AppServices, type CreateServices, type SessionRequest, type ShellSession } from './session/session';
export { AppShell, type AppShellProps } from './shell/AppShell';
export { startPage, type PageComponent, type PageModule } from './start';
