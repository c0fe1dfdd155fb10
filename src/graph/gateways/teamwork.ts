/**
 * Teams activity feed notifications (Graph "userTeamwork: sendActivityNotification"): delegated, the signed-in
 * user is the actor. The activity type must be declared in the app manifest (`activities.activityTypes`) and the
 * app installed for the recipient; Graph answers 403 otherwise (typed GraphForbiddenError).
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';

export interface ActivityNotification {
  /** The recipient's object id (or userPrincipalName). */
  recipient: string;
  /** One of the manifest's activity types. */
  activityType: string;
  /** Shown as the notification's location; `webUrl` must be a Teams link (a deep link into the app). */
  topic: { text: string; webUrl: string };
  /** Teams shows the first 150 characters. */
  previewText: string;
  /** Values of the activity type's template parameters. */
  templateParameters?: Record<string, string>;
}

export interface TeamworkGateway {
  sendActivityNotification(notification: ActivityNotification): Promise<void>;
}

export function createTeamworkGateway(pipeline: GraphPipeline): TeamworkGateway {
  return {
    sendActivityNotification: async (n) => {
      const body: {
        topic: MicrosoftGraph.TeamworkActivityTopic;
        activityType: string;
        previewText: MicrosoftGraph.ItemBody;
        templateParameters: MicrosoftGraph.KeyValuePair[];
      } = {
        topic: { source: 'text', value: n.topic.text, webUrl: n.topic.webUrl },
        activityType: n.activityType,
        previewText: { content: n.previewText.slice(0, 150) },
        templateParameters: Object.entries(n.templateParameters ?? {}).map(([name, value]) => ({ name, value })),
      };
      await pipeline.noContent({
        method: 'POST',
        url: `/users/${segment(n.recipient)}/teamwork/sendActivityNotification`,
        body: { json: body },
        scopes: FEATURE_SCOPES.activityFeed,
      });
    },
  };
}
