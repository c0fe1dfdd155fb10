/**
 * What Teams knows about an app for activity feed notifications: its manifest's `id`, the Entra app of
 * `webApplicationInfo.id` (the token's `appid` must match it), the declared `activities.activityTypes`, and
 * the users it is installed for (personal scope). Written through the admin API, the way a tenant admin
 * uploads and installs the app; the emulator knows no app of its own.
 */
import type { Store } from '../../store/store';

export interface ActivityType {
  type: string;
  description: string;
  templateText: string;
}

export interface TeamsApp {
  /** The manifest's `id` (the Teams app id of deep links). */
  teamsAppId: string;
  /** The manifest's `webApplicationInfo.id`: the Entra client app id. */
  entraAppId: string;
  activityTypes: ActivityType[];
  /** User object ids the app is installed for (personal scope). */
  installedFor: string[];
}

export interface StoredNotification {
  /** Recipient's object id. */
  recipientId: string;
  teamsAppId: string;
  activityType: string;
  topic: { source: 'entityUrl' | 'text'; value: string; webUrl?: string };
  previewText: string;
  templateParameters: { name: string; value: string }[];
  /** The reason line as Teams renders it: the activity type's templateText with {actor} and the parameters filled in. */
  text: string;
  chainId?: number;
  actor: { id: string; displayName: string; userPrincipalName: string };
  createdDateTime: string;
}

export const teamsApps = (store: Store) => store.collection<TeamsApp>('teamwork.apps');
export const notifications = (store: Store) => store.collection<StoredNotification>('teamwork.notifications');

/** The reserved activity type that needs no declaration (Learn "Send activity feed notifications", Reserved activity types). */
export const SYSTEM_DEFAULT = 'systemDefault';
