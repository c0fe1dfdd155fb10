/**
 * Action items → Microsoft To Do. Graph's delegated To Do API reaches only the signed-in user's
 * lists, so each owner's tasks are created when that owner opens Chefsache (list "Chefsache",
 * with a link back), and their status is read back into the minutes' tracking on each visit.
 * Open items (not completed) are listed under input a) of the next review.
 */
import type { OpenActionItem } from '../../domain';
import { GraphPreconditionFailedError, type GraphGateways, type TodoList } from '../../graph';
import { openActions, type ActionItem, type Minutes } from './minutes';
import type { ReviewRecords, Stored } from './reviewRecords';

export const TODO_LIST_NAME = 'Chefsache';

export interface SyncActionsInput {
  graph: Pick<GraphGateways, 'todo'>;
  records: ReviewRecords;
  me: { id: string; upn: string };
  /** Link back to the reviews view. */
  appUrl: string;
  timeZone: string;
  now: Date;
}

const isMine = (a: ActionItem, me: SyncActionsInput['me']) => (a.owner.id !== undefined && a.owner.id === me.id) || a.owner.upn?.toLowerCase() === me.upn.toLowerCase();

async function ensureList(graph: SyncActionsInput['graph']): Promise<TodoList> {
  const lists = await graph.todo.lists();
  return lists.find((l) => l.displayName === TODO_LIST_NAME) ?? graph.todo.createList(TODO_LIST_NAME);
}

/** Creates missing tasks for my action items and reads the status of existing ones; returns how many changed. */
export async function syncMyActions(input: SyncActionsInput): Promise<number> {
  const { graph, records, me } = input;
  let changed = 0;
  let list: TodoList | undefined;
  for (let stored of await records.allMinutes()) {
    const mine = stored.value.actions.filter((a) => isMine(a, me));
    if (mine.length === 0) continue;
    const tracking = { ...stored.value.tracking };
    let dirty = false;
    for (const action of mine) {
      const tracked = tracking[action.id];
      if (!tracked) {
        list ??= await ensureList(graph);
        const task = await graph.todo.createTask(list.id, {
          title: action.title,
          body: `Management-Review ${stored.value.occurrenceStart.slice(0, 10)} (ISO/IEC 27001, 9.3)`,
          dueDate: action.dueDate,
          timeZone: input.timeZone,
          link: { webUrl: input.appUrl, applicationName: 'Chefsache', displayName: 'Management-Review', externalId: action.id },
        });
        tracking[action.id] = { listId: list.id, taskId: task.id, status: task.status, checkedAt: input.now.toISOString() };
        dirty = true;
      } else {
        const task = await graph.todo.getTask(tracked.listId, tracked.taskId);
        if (task.status !== tracked.status) {
          tracking[action.id] = { ...tracked, status: task.status, checkedAt: input.now.toISOString() };
          dirty = true;
        }
      }
    }
    if (!dirty) continue;
    for (let attempt = 0; ; attempt++) {
      try {
        stored = await records.saveMinutes({ ...stored.value, tracking: { ...stored.value.tracking, ...tracking } }, stored.etag);
        changed++;
        break;
      } catch (error) {
        if (!(error instanceof GraphPreconditionFailedError) || attempt > 0) throw error;
        const fresh = (await records.allMinutes()).find((m) => m.value.occurrenceStart === stored.value.occurrenceStart);
        if (!fresh) throw error;
        stored = fresh;
      }
    }
  }
  return changed;
}

/** Open action items of all reviews before `before`, for input a) of the agenda. */
export function openActionItems(all: readonly Stored<Minutes>[], before?: Date): (ActionItem & { from: string })[] {
  return all
    .filter((m) => before === undefined || Date.parse(m.value.occurrenceStart) < before.getTime())
    .sort((a, b) => a.value.occurrenceStart.localeCompare(b.value.occurrenceStart))
    .flatMap((m) => openActions(m.value).map((a) => ({ ...a, from: m.value.occurrenceStart })));
}

export function toAgendaActions(items: readonly ActionItem[]): OpenActionItem[] {
  return items.map((a) => ({ title: a.title, owner: a.owner.displayName, dueDate: a.dueDate }));
}
