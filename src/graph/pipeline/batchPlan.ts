import { GraphInvalidRequestError } from './errors';

/** Graph's JSON batching takes at most 20 requests per `$batch`. */
export const MAX_BATCH_SIZE = 20;

/**
 * Graph refuses request bodies above 4 MB, `$batch` included (Microsoft's answer in
 * microsoftgraph/microsoft-graph-docs#85: "there is a 4MB limit on the size of a request"; "Add attachment":
 * "a limit of 4MB on the total size of each REST request"). Base64 file bodies make that reachable.
 */
export const MAX_BATCH_BODY_BYTES = 4 * 1024 * 1024;
/** What the inner requests of one `$batch` may add up to: the limit less room for the envelope. */
export const BATCH_BODY_BUDGET = MAX_BATCH_BODY_BYTES - 64 * 1024;

export interface PlanInput {
  id: string;
  dependsOn?: readonly string[];
  /** Size of the request as it travels inside the `$batch` body (JSON). */
  bytes?: number;
}

function refuse(message: string): never {
  throw new GraphInvalidRequestError({
    status: 0,
    code: 'invalidBatchPlan',
    message,
    method: 'POST',
    url: '$batch',
  });
}

/**
 * Splits requests into chunks of at most `maxSize` requests and `maxBytes` bytes so that every `dependsOn` chain stays inside one
 * chunk (Graph resolves dependencies only within a batch). Requests joined by dependencies in either
 * direction form a group; groups are packed in the caller's order, each group ordered dependencies
 * first. Refuses duplicate or empty ids, unknown dependencies, cycles and groups larger than `maxSize`
 * or `maxBytes`. Returns the ids of each chunk.
 */
export function planBatchChunks(requests: readonly PlanInput[], maxSize: number = MAX_BATCH_SIZE, maxBytes: number = BATCH_BODY_BUDGET): string[][] {
  const position = new Map<string, number>();
  requests.forEach((request, index) => {
    if (request.id.trim() === '') refuse(`Batch request #${index + 1} has an empty id.`);
    if (position.has(request.id)) refuse(`Batch request id "${request.id}" is used more than once.`);
    position.set(request.id, index);
  });

  // Union-find over dependency edges.
  const parent = requests.map((_, index) => index);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    parent[i] = root;
    return root;
  };
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      const target = position.get(dependency);
      if (target === undefined) refuse(`Batch request "${request.id}" depends on "${dependency}", which is not in the batch.`);
      if (dependency === request.id) refuse(`Batch request "${request.id}" depends on itself.`);
      parent[find(position.get(request.id)!)] = find(target);
    }
  }

  // Topological order per request (dependencies first), detecting cycles.
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') refuse(`Batch requests depend on each other in a cycle: ${[...trail, id].join(' → ')}.`);
    state.set(id, 'visiting');
    const request = requests[position.get(id)!]!;
    for (const dependency of request.dependsOn ?? []) visit(dependency, [...trail, id]);
    state.set(id, 'done');
    ordered.push(id);
  };
  for (const request of requests) visit(request.id, []);

  const groups = new Map<number, string[]>();
  const groupOrder = new Set<number>();
  for (const id of ordered) {
    const root = find(position.get(id)!);
    let group = groups.get(root);
    if (!group) {
      group = [];
      groups.set(root, group);
    }
    group.push(id);
  }
  // Groups in the order their first member appears in the caller's list.
  for (let index = 0; index < requests.length; index++) {
    groupOrder.add(find(index));
  }

  const bytesOf = (id: string) => requests[position.get(id)!]!.bytes ?? 0;
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentBytes = 0;
  for (const root of groupOrder) {
    const group = groups.get(root)!;
    const groupBytes = group.reduce((sum, id) => sum + bytesOf(id), 0);
    if (group.length > maxSize) {
      refuse(
        `${group.length} batch requests are chained by dependsOn (${group.slice(0, 5).join(', ')}…); one $batch takes at most ${maxSize}. Split the chain.`,
      );
    }
    if (groupBytes > maxBytes) {
      refuse(
        `Batch request${group.length > 1 ? 's' : ''} ${group.slice(0, 5).join(', ')} need${group.length > 1 ? '' : 's'} ${groupBytes} bytes; one $batch body may carry ${maxBytes}. Send large content on its own (an upload session for files).`,
      );
    }
    if (current.length + group.length > maxSize || currentBytes + groupBytes > maxBytes) {
      if (current.length > 0) chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(...group);
    currentBytes += groupBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
