import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { IdentityRef } from '../models';

/**
 * Ties a zod schema to the Graph resource type it validates: if a property's type differs from
 * Graph's own definition (@microsoft/microsoft-graph-types), this does not compile.
 */
export function graphShape<G>() {
  return <S extends z.ZodType<Partial<G>>>(schema: S): S => schema;
}

/** Graph's identitySet, user part (createdBy / lastModifiedBy). */
export const identitySetSchema = graphShape<MicrosoftGraph.IdentitySet>()(
  z.object({
    user: z
      .looseObject({
        id: z.string().nullish(),
        displayName: z.string().nullish(),
        email: z.string().nullish(),
      })
      .nullish(),
  }),
);

export function toIdentity(value: z.output<typeof identitySetSchema> | null | undefined): IdentityRef | undefined {
  const user = value?.user;
  if (!user) return undefined;
  const identity: IdentityRef = {};
  if (user.id) identity.id = user.id;
  if (user.displayName) identity.displayName = user.displayName;
  if (typeof user.email === 'string' && user.email) identity.email = user.email;
  return identity;
}

/** Drops null/undefined values so models only carry what Graph actually said. */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null && v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}
