/**
 * Microsoft To Do for the signed-in user: /me/todo/lists, /me/todo/lists/{id}/tasks. Each user
 * has a default list ("Aufgaben", wellknownListName defaultList), created on first use. Delegated
 * To Do access is the signed-in user's own (Graph has no delegated access to others' tasks).
 */
import { randomUUID } from 'node:crypto';
import { permissions } from '../../auth/permissions';
import type { GraphContext } from '../../http/context';
import { GraphError } from '../../http/graphError';
import { created, noContent, ok } from '../../http/response';
import type { GraphRoute } from '../../module';
import { applyQuery, collectionBody, parseQueryOptions } from '../../odata';
import type { Store, StoredResource } from '../../store/store';

interface StoredList {
  ownerId: string;
  displayName: string;
  wellknownListName: 'none' | 'defaultList' | 'flaggedEmails';
}

interface LinkedResource {
  id: string;
  webUrl: string | null;
  applicationName: string | null;
  displayName: string | null;
  externalId: string | null;
}

interface StoredTask {
  title: string;
  status: 'notStarted' | 'inProgress' | 'completed' | 'waitingOnOthers' | 'deferred';
  importance: 'low' | 'normal' | 'high';
  body: { content: string; contentType: 'text' | 'html' };
  dueDateTime: { dateTime: string; timeZone: string } | null;
  completedDateTime: { dateTime: string; timeZone: string } | null;
  categories: string[];
  linkedResources: LinkedResource[];
}

const STATUSES = ['notStarted', 'inProgress', 'completed', 'waitingOnOthers', 'deferred'] as const;
const lists = (store: Store) => store.collection<StoredList>('todo.lists');
const tasks = (store: Store) => store.collection<StoredTask>('todo.tasks');
const etag = (r: StoredResource<unknown>) => `W/"${Buffer.from(`${r.id}:${r.version}`).toString('base64')}"`;
const notFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const invalid = (message: string) => new GraphError(400, 'invalidRequest', message);

function ensureDefaultList(ctx: GraphContext): void {
  if (!lists(ctx.store).find((l) => l.ownerId === ctx.user.id && l.wellknownListName === 'defaultList')) {
    lists(ctx.store).insert({ ownerId: ctx.user.id, displayName: 'Aufgaben', wellknownListName: 'defaultList' }, { id: Buffer.from(randomUUID()).toString('base64url') });
  }
}

function ownList(ctx: GraphContext, id: string): StoredResource<StoredList> {
  ensureDefaultList(ctx);
  const r = lists(ctx.store).get(id);
  if (!r || r.data.ownerId !== ctx.user.id) throw notFound();
  return r;
}

function ownTask(ctx: GraphContext): StoredResource<StoredTask> {
  const list = ownList(ctx, ctx.params.listId!);
  const t = tasks(ctx.store).get(ctx.params.taskId!);
  if (!t || t.parentId !== list.id) throw notFound();
  return t;
}

const serializeList = (r: StoredResource<StoredList>) => ({
  '@odata.etag': etag(r),
  displayName: r.data.displayName,
  isOwner: true,
  isShared: false,
  wellknownListName: r.data.wellknownListName,
  id: r.id,
});

const serializeTask = (r: StoredResource<StoredTask>) => ({
  '@odata.etag': etag(r),
  importance: r.data.importance,
  isReminderOn: false,
  status: r.data.status,
  title: r.data.title,
  createdDateTime: r.createdAt,
  lastModifiedDateTime: r.modifiedAt,
  hasAttachments: false,
  categories: r.data.categories,
  id: r.id,
  body: r.data.body,
  ...(r.data.dueDateTime ? { dueDateTime: r.data.dueDateTime } : {}),
  ...(r.data.completedDateTime ? { completedDateTime: r.data.completedDateTime } : {}),
  linkedResources: r.data.linkedResources,
});

function dateTimeTimeZone(value: unknown, what: string): StoredTask['dueDateTime'] {
  if (value === undefined || value === null) return null;
  const v = value as { dateTime?: unknown; timeZone?: unknown };
  if (typeof v.dateTime !== 'string' || Number.isNaN(Date.parse(v.dateTime.replace(/\.\d+$/, ''))) || typeof v.timeZone !== 'string') {
    throw invalid(`${what} needs dateTime and timeZone.`);
  }
  return { dateTime: v.dateTime, timeZone: v.timeZone };
}

function applyTaskFields(current: StoredTask, b: Record<string, unknown>, now: Date): StoredTask {
  const next = { ...current };
  if (b.title !== undefined) {
    if (typeof b.title !== 'string' || !b.title.trim()) throw invalid('title must be a non-empty string.');
    next.title = b.title;
  }
  if (b.status !== undefined) {
    if (!STATUSES.includes(b.status as StoredTask['status'])) throw invalid(`status '${String(b.status)}' is not valid.`);
    next.status = b.status as StoredTask['status'];
    next.completedDateTime = next.status === 'completed' ? { dateTime: now.toISOString().replace('Z', '0000'), timeZone: 'UTC' } : null;
  }
  if (b.importance !== undefined) next.importance = b.importance === 'high' || b.importance === 'low' ? b.importance : 'normal';
  if (b.body !== undefined) {
    const body = b.body as { content?: string; contentType?: string };
    next.body = { content: body.content ?? '', contentType: body.contentType === 'html' ? 'html' : 'text' };
  }
  if (b.dueDateTime !== undefined) next.dueDateTime = dateTimeTimeZone(b.dueDateTime, 'dueDateTime');
  if (b.categories !== undefined) next.categories = Array.isArray(b.categories) ? b.categories.map(String) : [];
  return next;
}

const body = (ctx: GraphContext) => {
  if (typeof ctx.body !== 'object' || ctx.body === null) throw invalid('A JSON object is required.');
  return ctx.body as Record<string, unknown>;
};

export const todoRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/me/todo/lists',
    permission: permissions.tasksRead,
    handler: (ctx) => {
      ensureDefaultList(ctx);
      const mine = lists(ctx.store).list().filter((l) => l.data.ownerId === ctx.user.id).map(serializeList);
      const page = applyQuery(mine, parseQueryOptions(ctx.query), {
        requestUrl: new URL(`${ctx.baseUrl}${ctx.path}?${ctx.query.toString()}`),
        defaultPageSize: 100,
        maxPageSize: 1000,
        typeName: 'microsoft.graph.todoTaskList',
      });
      return ok(collectionBody(page, ctx.odataContext("users('" + ctx.user.id + "')/todo/lists")));
    },
  },
  {
    method: 'POST',
    path: '/me/todo/lists',
    permission: permissions.tasksWrite,
    handler: (ctx) => {
      const b = body(ctx);
      if (typeof b.displayName !== 'string' || !b.displayName.trim()) throw invalid('displayName is required.');
      const r = lists(ctx.store).insert({ ownerId: ctx.user.id, displayName: b.displayName, wellknownListName: 'none' }, { id: Buffer.from(randomUUID()).toString('base64url') });
      return created({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/todo/lists/$entity"), ...serializeList(r) });
    },
  },
  {
    method: 'GET',
    path: '/me/todo/lists/{listId}',
    permission: permissions.tasksRead,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/todo/lists/$entity"), ...serializeList(ownList(ctx, ctx.params.listId!)) }),
  },
  {
    method: 'GET',
    path: '/me/todo/lists/{listId}/tasks',
    permission: permissions.tasksRead,
    handler: (ctx) => {
      const list = ownList(ctx, ctx.params.listId!);
      const page = applyQuery(tasks(ctx.store).list({ parentId: list.id }).map(serializeTask), parseQueryOptions(ctx.query), {
        requestUrl: new URL(`${ctx.baseUrl}${ctx.path}?${ctx.query.toString()}`),
        defaultPageSize: 100,
        maxPageSize: 1000,
        allowSkip: true,
        typeName: 'microsoft.graph.todoTask',
      });
      return ok(collectionBody(page, ctx.odataContext("users('" + ctx.user.id + "')/todo/lists('" + list.id + "')/tasks")));
    },
  },
  {
    method: 'POST',
    path: '/me/todo/lists/{listId}/tasks',
    permission: permissions.tasksWrite,
    handler: (ctx) => {
      const list = ownList(ctx, ctx.params.listId!);
      const b = body(ctx);
      if (typeof b.title !== 'string' || !b.title.trim()) throw invalid('title is required.');
      const empty: StoredTask = { title: b.title, status: 'notStarted', importance: 'normal', body: { content: '', contentType: 'text' }, dueDateTime: null, completedDateTime: null, categories: [], linkedResources: [] };
      const data = applyTaskFields(empty, b, ctx.now);
      if (Array.isArray(b.linkedResources)) {
        data.linkedResources = b.linkedResources.map((l: Record<string, unknown>) => ({
          id: randomUUID(),
          webUrl: typeof l.webUrl === 'string' ? l.webUrl : null,
          applicationName: typeof l.applicationName === 'string' ? l.applicationName : null,
          displayName: typeof l.displayName === 'string' ? l.displayName : null,
          externalId: typeof l.externalId === 'string' ? l.externalId : null,
        }));
      }
      const r = tasks(ctx.store).insert(data, { parentId: list.id, id: Buffer.from(randomUUID()).toString('base64url') });
      return created({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/todo/lists('" + list.id + "')/tasks/$entity"), ...serializeTask(r) });
    },
  },
  {
    method: 'GET',
    path: '/me/todo/lists/{listId}/tasks/{taskId}',
    permission: permissions.tasksRead,
    handler: (ctx) => ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/todo/lists('" + ctx.params.listId + "')/tasks/$entity"), ...serializeTask(ownTask(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/me/todo/lists/{listId}/tasks/{taskId}',
    permission: permissions.tasksWrite,
    handler: (ctx) => {
      const t = ownTask(ctx);
      const r = tasks(ctx.store).update(t.id, (current) => applyTaskFields(current, body(ctx), ctx.now));
      return ok({ '@odata.context': ctx.odataContext("users('" + ctx.user.id + "')/todo/lists('" + ctx.params.listId + "')/tasks/$entity"), ...serializeTask(r) });
    },
  },
  {
    method: 'DELETE',
    path: '/me/todo/lists/{listId}/tasks/{taskId}',
    permission: permissions.tasksWrite,
    handler: (ctx) => {
      tasks(ctx.store).delete(ownTask(ctx).id);
      return noContent();
    },
  },
];
