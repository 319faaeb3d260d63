import { roleForPartyPost, type OrgType, type PartyPost } from '@torch-red/shared';
import { In, type EntityManager } from 'typeorm';
import { RoleGrantEntity } from '../role-grant.entity';

/** A person's post where they are: the grant it implies follows from it (roleForPartyPost). */
export interface PostPlace {
  post: PartyPost | null;
  orgId: number | null;
  orgType: OrgType | null;
}

export interface PostChange {
  userId: number;
  before: PostPlace | null;
  after: PostPlace;
}

export interface GrantDelta {
  granted: Array<{ userId: number; role: string; orgId: number }>;
  revoked: Array<{ userId: number; role: string; orgId: number }>;
}

const CHUNK = 500;

function impliedGrant(place: PostPlace | null): { role: 'SECRETARY' | 'COMMITTEE'; orgId: number } | null {
  if (!place || place.orgId === null || place.orgType === null) return null;
  const role = roleForPartyPost(place.post, place.orgType);
  return role ? { role, orgId: place.orgId } : null;
}

/**
 * Makes the grants a roster implies match the posts: 书记 of an org holds SECRETARY (or COMMITTEE) there; a
 * person who stops being 书记 there, or moves, loses that one grant. Grants the roster does not imply (given
 * by an admin) are left alone. A fixed number of statements per 500 people, whatever the count.
 */
export async function syncPostGrants(m: EntityManager, changes: PostChange[], grantedBy: number): Promise<GrantDelta> {
  const delta: GrantDelta = { granted: [], revoked: [] };
  const relevant = changes.filter((c) => impliedGrant(c.before) || impliedGrant(c.after));
  if (relevant.length === 0) return delta;
  const repo = m.getRepository(RoleGrantEntity);
  const existing: RoleGrantEntity[] = [];
  const userIds = [...new Set(relevant.map((c) => c.userId))];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    existing.push(...(await repo.find({ where: { userId: In(userIds.slice(i, i + CHUNK)), role: In(['SECRETARY', 'COMMITTEE']) } })));
  }
  const key = (userId: number, role: string, orgId: number) => `${userId}|${role}|${orgId}`;
  const held = new Map(existing.filter((g) => g.orgId !== null).map((g) => [key(g.userId, g.role, g.orgId!), g]));
  const toDelete: number[] = [];
  const toInsert: Array<Partial<RoleGrantEntity>> = [];
  for (const change of relevant) {
    const before = impliedGrant(change.before);
    const after = impliedGrant(change.after);
    const same = before && after && before.role === after.role && before.orgId === after.orgId;
    if (before && !same) {
      const grant = held.get(key(change.userId, before.role, before.orgId));
      if (grant) {
        toDelete.push(grant.id);
        held.delete(key(change.userId, before.role, before.orgId));
        delta.revoked.push({ userId: change.userId, ...before });
      }
    }
    if (after && !held.has(key(change.userId, after.role, after.orgId))) {
      toInsert.push({ userId: change.userId, role: after.role, orgId: after.orgId, departmentId: null, scopeKey: `org:${after.orgId}`, grantedBy });
      held.set(key(change.userId, after.role, after.orgId), new RoleGrantEntity());
      delta.granted.push({ userId: change.userId, ...after });
    }
  }
  for (let i = 0; i < toDelete.length; i += CHUNK) await repo.delete({ id: In(toDelete.slice(i, i + CHUNK)) });
  for (let i = 0; i < toInsert.length; i += CHUNK) await repo.insert(toInsert.slice(i, i + CHUNK));
  return delta;
}
