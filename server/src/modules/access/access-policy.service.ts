import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppError } from '../../common/errors/app-error';
import { NeedAssignmentEntity } from '../need/need-assignment.entity';
import { NeedEntity } from '../need/need.entity';
import { ChainEntity } from '../org/chain.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { OrgHierarchy } from '../org/org-hierarchy.service';
import type { OrgTree } from '../org/org-tree';
import { InstructorEnterpriseEntity } from '../visit/visit.entity';
import {
  ASSIGNMENT_PERMISSIONS,
  ENTERPRISE_PERMISSIONS,
  NEED_PERMISSIONS,
  ORG_PERMISSIONS,
  decideAssignment,
  decideEnterprise,
  decideMeeting,
  decideNeed,
  decideOrg,
  mayHoldOrgPermission,
  type AssignmentFacts,
  type AssignmentPermission,
  type EnterpriseFacts,
  type EnterprisePermission,
  type MeetingFacts,
  type MeetingPermission,
  type NeedFacts,
  type NeedPermission,
  type OrgPermission,
  type Permission,
} from './permissions';

const isOrgPermission = (p: Permission): p is OrgPermission => (ORG_PERMISSIONS as readonly string[]).includes(p);
const isNeedPermission = (p: Permission): p is NeedPermission => (NEED_PERMISSIONS as readonly string[]).includes(p);
const isAssignmentPermission = (p: Permission): p is AssignmentPermission => (ASSIGNMENT_PERMISSIONS as readonly string[]).includes(p);
const isEnterprisePermission = (p: Permission): p is EnterprisePermission => (ENTERPRISE_PERMISSIONS as readonly string[]).includes(p);

/**
 * The one place object-level access is decided, in the spirit of immich's `requireAccess`: one call checks
 * a set of ids for one permission, with a fixed number of queries however many ids there are. A refusal
 * looks exactly like a missing object (NOT_FOUND), so "not yours" and "not found" cannot be told apart.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hierarchy: OrgHierarchy,
  ) {}

  /** The org tree the decisions use (for callers that also need to list what is below an org). */
  /** The org tree as of this request (the caller's counter saves a query when given). */
  tree(user?: AuthUser): Promise<OrgTree> {
    return this.hierarchy.tree(user?.orgTreeVersion);
  }

  /** The ids among `ids` that the caller may act on with `permission`; unknown ids are never allowed. */
  async allowed(user: AuthUser, permission: Permission, ids: Iterable<number>): Promise<Set<number>> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    if (wanted.length === 0) return new Set();
    // A plain member manages no org: answered without the tree's fingerprint query (every detail page asks).
    if (isOrgPermission(permission) && !mayHoldOrgPermission(user, permission)) return new Set();
    const tree = await this.hierarchy.tree(user.orgTreeVersion);
    if (isOrgPermission(permission)) return new Set(wanted.filter((id) => decideOrg(user, permission, id, tree)));
    if (isNeedPermission(permission)) {
      const facts = await this.needFacts(wanted);
      return new Set(wanted.filter((id) => facts.has(id) && decideNeed(user, permission, facts.get(id)!, tree)));
    }
    if (isEnterprisePermission(permission)) {
      const facts = await this.enterpriseFacts(wanted);
      return new Set(wanted.filter((id) => facts.has(id) && decideEnterprise(user, permission, facts.get(id)!, tree)));
    }
    if (isAssignmentPermission(permission)) {
      const assignments = await this.dataSource.getRepository(NeedAssignmentEntity).find({ select: { id: true, departmentId: true }, where: { id: In(wanted) } });
      return new Set(assignments.filter((a) => decideAssignment(user, permission, a)).map((a) => a.id));
    }
    return assertNever(permission);
  }

  async can(user: AuthUser, permission: Permission, id: number): Promise<boolean> {
    return (await this.allowed(user, permission, [id])).has(id);
  }

  /** Throws NOT_FOUND unless the caller may act on every one of `ids`. */
  async require(user: AuthUser, permission: Permission, ids: number | Iterable<number>): Promise<void> {
    const list = typeof ids === 'number' ? [ids] : [...new Set(ids)];
    const allowed = await this.allowed(user, permission, list);
    if (list.some((id) => !allowed.has(id))) throw new AppError('NOT_FOUND');
  }

  /** Decides on a need the caller already loaded (no second read of the same rows). */
  async canOnNeed(user: AuthUser, permission: NeedPermission, need: NeedFacts): Promise<boolean> {
    return decideNeed(user, permission, need, await this.hierarchy.tree(user.orgTreeVersion));
  }

  /** Decides on a 组织生活 meeting the caller already loaded (with its attendance list). */
  async canOnMeeting(user: AuthUser, permission: MeetingPermission, meeting: MeetingFacts): Promise<boolean> {
    return decideMeeting(user, permission, meeting, await this.hierarchy.tree(user.orgTreeVersion));
  }

  /** Decides on an assignment the caller already loaded. */
  canOnAssignment(user: AuthUser, permission: AssignmentPermission, assignment: AssignmentFacts): boolean {
    return decideAssignment(user, permission, assignment);
  }

  private async needFacts(ids: number[]): Promise<Map<number, NeedFacts>> {
    const [needs, assignments] = await Promise.all([
      this.dataSource.getRepository(NeedEntity).find({ select: { id: true, committeeOrgId: true, raisedBy: true, enterpriseId: true }, where: { id: In(ids) } }),
      this.dataSource.getRepository(NeedAssignmentEntity).find({ select: { id: true, needId: true, departmentId: true }, where: { needId: In(ids) } }),
    ]);
    return new Map(
      needs.map((n) => [
        n.id,
        { committeeOrgId: n.committeeOrgId, raisedBy: n.raisedBy, enterpriseId: n.enterpriseId, departmentIds: assignments.filter((a) => a.needId === n.id).map((a) => a.departmentId) },
      ]),
    );
  }

  private async enterpriseFacts(ids: number[]): Promise<Map<number, EnterpriseFacts>> {
    const [enterprises, instructors, chains] = await Promise.all([
      this.dataSource.getRepository(EnterpriseEntity).find({ select: { id: true, chainId: true }, where: { id: In(ids) } }),
      this.dataSource.getRepository(InstructorEnterpriseEntity).find({ where: { enterpriseId: In(ids) } }),
      this.dataSource.getRepository(ChainEntity).find({ select: { id: true, committeeOrgId: true } }),
    ]);
    const committeeOf = new Map(chains.map((c) => [c.id, c.committeeOrgId]));
    return new Map(
      enterprises.map((e) => [
        e.id,
        {
          id: e.id,
          instructorIds: instructors.filter((i) => i.enterpriseId === e.id).map((i) => i.instructorId),
          committeeOrgId: e.chainId !== null ? (committeeOf.get(e.chainId) ?? null) : null,
        },
      ]),
    );
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled permission ${String(value)}`);
}
