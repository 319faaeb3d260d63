import { Injectable } from '@nestjs/common';
import type { OrgResponse } from '@torch-red/shared';
import { IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { ActivityDirectory } from '../activity/activity-directory.service';
import { AuditService } from '../audit/audit.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { ChainEntity } from './chain.entity';
import { toOrgResponse } from './org.mapper';
import { OrgEntity } from './org.entity';

/** What still hangs on an org that is to be closed: one Chinese phrase per kind, and what to do about it. */
interface Leftover {
  key: 'childOrgs' | 'chains' | 'members' | 'officeHolders' | 'activities';
  count: number;
  names: string[];
  phrase: string;
  hint: string;
}

/** The first few names, so the refusal says who or what without listing a hundred. */
const some = (names: string[]): string => (names.length > 3 ? `${names.slice(0, 3).join('、')}等` : names.join('、'));

/**
 * Closing (撤销) and reopening an organisation. A closed org keeps its row, so its activities, meetings and audit
 * entries still name it; it leaves the tree, the pickers and every judged or reminded list, and takes no new
 * members, grants, activities or meetings. It may be closed only when nothing live hangs on it: the admin moves
 * people and sub-orgs first, so closing never silently strands anyone.
 */
@Injectable()
export class OrgClosureService {
  constructor(
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly people: PeopleDirectory,
    private readonly activities: ActivityDirectory,
  ) {}

  async close(actor: AuthUser, id: number): Promise<OrgResponse> {
    return this.tx.run(async (m) => {
      const org = await this.lockOrg(m, id);
      if (org.closedAt) return toOrgResponse(org);
      if (org.type === 'WORKING_COMMITTEE') throw new AppError('ORG_HIERARCHY_INVALID', '工委是最上级组织，不能关闭');
      const left = await this.leftovers(m, org);
      if (left.length) {
        throw new AppError(
          'ORG_NOT_EMPTY',
          `“${org.name}”还有 ${left.map((l) => l.phrase).join('、')}，不能关闭。${left.map((l) => l.hint).join('；')}。`,
          Object.fromEntries(left.map((l) => [l.key, { count: l.count, names: l.names.slice(0, 20) }])),
        );
      }
      const before = toOrgResponse(org);
      await m.getRepository(OrgEntity).update({ id }, { closedAt: this.clock.now() });
      const after = toOrgResponse(await m.getRepository(OrgEntity).findOneByOrFail({ id }));
      await this.audit.record({ actorId: actor.id, action: 'org.close', entityType: 'org', entityId: id, before, after }, m);
      return after;
    });
  }

  async reopen(actor: AuthUser, id: number): Promise<OrgResponse> {
    return this.tx.run(async (m) => {
      const org = await this.lockOrg(m, id);
      if (!org.closedAt) return toOrgResponse(org);
      const parent = org.parentId === null ? null : await m.getRepository(OrgEntity).findOneBy({ id: org.parentId });
      if (parent?.closedAt) throw new AppError('ORG_CLOSED', `上级组织“${parent.name}”已关闭，请先恢复上级组织`);
      const before = toOrgResponse(org);
      await m.getRepository(OrgEntity).update({ id }, { closedAt: null });
      const after = toOrgResponse(await m.getRepository(OrgEntity).findOneByOrFail({ id }));
      await this.audit.record({ actorId: actor.id, action: 'org.reopen', entityType: 'org', entityId: id, before, after }, m);
      return after;
    });
  }

  /** The org, locked on MySQL so that two admins closing a parent and its child at once are serialised. */
  private async lockOrg(m: EntityManager, id: number): Promise<OrgEntity> {
    const org = await forUpdate(m.getRepository(OrgEntity).createQueryBuilder('o').where('o.id = :id', { id })).getOne();
    if (!org) throw new AppError('NOT_FOUND');
    return org;
  }

  private async leftovers(m: EntityManager, org: OrgEntity): Promise<Leftover[]> {
    const [children, chains, members, secretaries, committee, activities] = await Promise.all([
      m.getRepository(OrgEntity).find({ select: { id: true, name: true }, where: { parentId: org.id, closedAt: IsNull() }, order: { id: 'ASC' } }),
      m.getRepository(ChainEntity).find({ select: { id: true, name: true }, where: { committeeOrgId: org.id }, order: { id: 'ASC' } }),
      this.people.membersOf(org.id, m),
      this.people.holders('SECRETARY', { orgIds: [org.id] }, m),
      this.people.holders('COMMITTEE', { orgIds: [org.id] }, m),
      this.activities.unfinishedOf(org.id, this.clock.now(), m),
    ]);
    const holderIds = [...new Set([...secretaries, ...committee])];
    const holderNames = await this.people.names(holderIds, m);
    const found: Array<Omit<Leftover, 'phrase' | 'hint'> & { unit: string; what: string; hint: string }> = [
      { key: 'childOrgs', count: children.length, names: children.map((c) => c.name), unit: '个', what: '未关闭的下级组织', hint: '请先关闭下级组织，或把它们移到其他组织之下' },
      { key: 'chains', count: chains.length, names: chains.map((c) => c.name), unit: '条', what: '由它牵头的产业链', hint: '请先把产业链改由其他产业党委牵头' },
      { key: 'members', count: members.length, names: members.map((p) => p.name), unit: '名', what: '成员', hint: '请先在“人员”中把成员转到其他组织' },
      { key: 'officeHolders', count: holderIds.length, names: holderIds.map((uid) => holderNames.get(uid) ?? `#${uid}`), unit: '位', what: '书记或委员的职务授权', hint: '请先撤销这些职务授权' },
      { key: 'activities', count: activities.length, names: activities.map((a) => a.title), unit: '个', what: '未结束的活动', hint: '请先取消这些活动，或等活动结束' },
    ];
    return found
      .filter((f) => f.count > 0)
      .map((f) => ({ key: f.key, count: f.count, names: f.names, phrase: `${f.count} ${f.unit}${f.what}（${some(f.names)}）`, hint: f.hint }));
  }
}
