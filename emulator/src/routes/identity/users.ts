/** GET /me, /users, /users/{id | userPrincipalName}, /users/$count. */
import { permissions } from '../../auth/permissions';
import { errors, GraphError } from '../../http/graphError';
import type { GraphContext } from '../../http/context';
import { raw } from '../../http/response';
import type { GraphRoute } from '../../module';
import { findUser, users } from './directory';
import { getDirectoryObject, listDirectoryObjects, type DirectoryShape } from './collections';
import { isEventual } from './directoryQuery';
import { DEFAULT_USER_PROPERTIES, USER_PROPERTIES, USER_SEARCHABLE, fullUser } from './shapes';

export const USER_SHAPE: DirectoryShape = {
  entitySet: 'users',
  typeName: 'microsoft.graph.user',
  knownProperties: USER_PROPERTIES,
  defaultSelect: DEFAULT_USER_PROPERTIES,
  searchable: USER_SEARCHABLE,
  sortable: ['displayName', 'userPrincipalName'],
};

export function requireUser(ctx: GraphContext, idOrUpn: string) {
  const user = findUser(ctx.store, idOrUpn);
  if (!user) throw errors.directoryNotFound(idOrUpn);
  return user;
}

export const userRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/me',
    permission: permissions.me,
    handler: (ctx) => getDirectoryObject(ctx, fullUser(requireUser(ctx, ctx.user.id)), USER_SHAPE),
  },
  {
    method: 'GET',
    path: '/users',
    permission: permissions.usersRead,
    handler: (ctx) => listDirectoryObjects(ctx, users(ctx.store).list().map((r) => fullUser(r.data)), USER_SHAPE),
  },
  {
    method: 'GET',
    path: '/users/$count',
    permission: permissions.usersRead,
    handler: (ctx) => {
      if (!isEventual(ctx)) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
      return raw(Buffer.from(String(users(ctx.store).count())), 'text/plain');
    },
  },
  {
    method: 'GET',
    path: '/users/{id}',
    permission: permissions.usersRead,
    handler: (ctx) => getDirectoryObject(ctx, fullUser(requireUser(ctx, ctx.params.id ?? '')), USER_SHAPE),
  },
];
