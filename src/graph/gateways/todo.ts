/**
 * Microsoft To Do of the signed-in user (/me/todo). Graph's delegated To Do API reaches only the
 * signed-in user's own lists: action items reach their owners' lists when the owner opens Chefsache.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { GraphPipeline } from '../pipeline';
import { segment } from '../pipeline';
import { FEATURE_SCOPES } from '../scopes';
import { graphShape } from './shared';

export const TODO_STATUSES = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const;
export type TodoStatus = (typeof TODO_STATUSES)[number];

export interface TodoList {
  id: string;
  displayName: string;
  wellknownListName?: string;
}

export interface TodoTask {
  id: string;
  title: string;
  status: TodoStatus;
  /** Due day as YYYY-MM-DD, when set. */
  dueDate?: string;
  completedAt?: string;
  linkUrl?: string;
}

export interface TodoTaskInput {
  title: string;
  body?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  timeZone?: string;
  link?: { webUrl: string; applicationName: string; displayName: string; externalId?: string };
}

const listSchema = graphShape<MicrosoftGraph.TodoTaskList>()(
  z.looseObject({ id: z.string(), displayName: z.string().nullish(), wellknownListName: z.enum(['none', 'defaultList', 'flaggedEmails', 'unknownFutureValue']).optional() }),
);

const taskSchema = graphShape<MicrosoftGraph.TodoTask>()(
  z.looseObject({
    id: z.string(),
    title: z.string().nullish(),
    status: z.enum([...TODO_STATUSES]).optional(),
    dueDateTime: z.object({ dateTime: z.string(), timeZone: z.string().nullish() }).nullish(),
    completedDateTime: z.object({ dateTime: z.string(), timeZone: z.string().nullish() }).nullish(),
    linkedResources: z.array(z.looseObject({ webUrl: z.string().nullish() })).nullish(),
  }),
);

function toTask(t: z.output<typeof taskSchema>): TodoTask {
  const task: TodoTask = { id: t.id, title: t.title ?? '', status: t.status ?? 'notStarted' };
  if (t.dueDateTime) task.dueDate = t.dueDateTime.dateTime.slice(0, 10);
  if (t.completedDateTime) task.completedAt = t.completedDateTime.dateTime;
  const link = t.linkedResources?.find((l) => l.webUrl)?.webUrl;
  if (link) task.linkUrl = link;
  return task;
}

export interface TodoGateway {
  lists(): Promise<TodoList[]>;
  createList(displayName: string): Promise<TodoList>;
  tasks(listId: string): Promise<TodoTask[]>;
  getTask(listId: string, taskId: string): Promise<TodoTask>;
  createTask(listId: string, input: TodoTaskInput): Promise<TodoTask>;
  setStatus(listId: string, taskId: string, status: TodoStatus): Promise<TodoTask>;
}

export function createTodoGateway(pipeline: GraphPipeline): TodoGateway {
  const scopes = FEATURE_SCOPES.tasks;
  const toList = (l: z.output<typeof listSchema>): TodoList => ({ id: l.id, displayName: l.displayName ?? '', ...(l.wellknownListName ? { wellknownListName: l.wellknownListName } : {}) });
  return {
    lists: async () => (await pipeline.all({ method: 'GET', url: '/me/todo/lists', scopes }, listSchema)).map(toList),
    createList: async (displayName) => toList(await pipeline.json({ method: 'POST', url: '/me/todo/lists', body: { json: { displayName } }, scopes }, listSchema)),
    tasks: async (listId) => (await pipeline.all({ method: 'GET', url: `/me/todo/lists/${segment(listId)}/tasks`, scopes }, taskSchema)).map(toTask),
    getTask: async (listId, taskId) =>
      toTask(await pipeline.json({ method: 'GET', url: `/me/todo/lists/${segment(listId)}/tasks/${segment(taskId)}`, scopes }, taskSchema)),
    createTask: async (listId, input) => {
      const json: Record<string, unknown> = { title: input.title };
      if (input.body) json.body = { content: input.body, contentType: 'text' };
      if (input.dueDate) json.dueDateTime = { dateTime: `${input.dueDate}T00:00:00`, timeZone: input.timeZone ?? 'Europe/Berlin' };
      if (input.link) json.linkedResources = [input.link];
      return toTask(await pipeline.json({ method: 'POST', url: `/me/todo/lists/${segment(listId)}/tasks`, body: { json }, scopes }, taskSchema));
    },
    setStatus: async (listId, taskId, status) =>
      toTask(await pipeline.json({ method: 'PATCH', url: `/me/todo/lists/${segment(listId)}/tasks/${segment(taskId)}`, body: { json: { status } }, scopes }, taskSchema)),
  };
}
