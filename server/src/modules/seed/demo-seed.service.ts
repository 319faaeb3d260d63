import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Tx } from '../../database/tx.service';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/db-errors';
import { DataCipher } from '../../common/crypto/data-cipher';
import { ChainEntity } from '../org/chain.entity';
import { DepartmentEntity } from '../org/department.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { OrgEntity } from '../org/org.entity';
import { RoleGrantEntity } from '../user/role-grant.entity';
import { UserEntity } from '../user/user.entity';
import { ActivityEntity } from '../activity/activity.entity';
import { ACTIVITIES, ARTICLE_ENTERPRISES, CHAINS, CORE_WITH_BRANCH, DEPARTMENTS, HONOURS, PEOPLE, WORKING_COMMITTEE, chainRoleOf } from './demo-data';

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    private readonly tx: Tx,
  ) {}

  /** Seeds the demo organisation model when the database has none; running it again changes nothing. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.dataSource.getRepository(OrgEntity).count()) > 0) return false;
    try {
      await this.tx.run((m) => this.seed(m));
    } catch (err) {
      // A second process seeding at the same moment loses on a unique key; its rows are rolled back.
      if (isUniqueViolation(err)) return false;
      throw err;
    }
    this.logger.log('Seeded the demo data (sample people and invented figures are marked as samples)');
    return true;
  }

  private async seed(m: EntityManager): Promise<void> {
    const orgs = m.getRepository(OrgEntity);
    const orgIds = new Map<string, number>();
    const addOrg = async (name: string, type: OrgEntity['type'], parentId: number | null, enterpriseId: number | null, isSample: boolean) => {
      const saved = await orgs.save(orgs.create({ name, type, parentId, enterpriseId, sortOrder: orgIds.size, isSample }));
      orgIds.set(name, saved.id);
      return saved.id;
    };

    const wc = await addOrg(WORKING_COMMITTEE, 'WORKING_COMMITTEE', null, null, false);
    const enterpriseIds = new Map<string, number>();
    for (const [index, chain] of CHAINS.entries()) {
      const committeeId = await addOrg(chain.committee, 'INDUSTRY_COMMITTEE', wc, null, true);
      const savedChain = await m.getRepository(ChainEntity).save(
        m.getRepository(ChainEntity).create({ name: chain.name, industry: chain.industry, committeeOrgId: committeeId, sortOrder: index, isSample: true }),
      );
      for (const name of [chain.leader, ...chain.core, ...chain.members]) {
        const saved = await m.getRepository(EnterpriseEntity).save(
          m.getRepository(EnterpriseEntity).create({
            name,
            chainId: savedChain.id,
            chainRole: chainRoleOf(chain, name),
            honours: HONOURS[name] ?? [],
            description: null,
            isSample: !ARTICLE_ENTERPRISES.has(name),
          }),
        );
        enterpriseIds.set(name, saved.id);
      }
      const leaderId = enterpriseIds.get(chain.leader)!;
      const leaderCommittee = await addOrg(`${chain.leader}党委`, 'PARTY_COMMITTEE', committeeId, leaderId, true);
      await addOrg(`${chain.leader}第一党支部`, 'BRANCH', leaderCommittee, leaderId, true);
      await addOrg(`${chain.leader}第二党支部`, 'BRANCH', leaderCommittee, leaderId, true);
      for (const name of chain.core.filter((c) => CORE_WITH_BRANCH.includes(c))) {
        await addOrg(`${name}党支部`, 'BRANCH', committeeId, enterpriseIds.get(name)!, true);
      }
    }

    const departmentIds = new Map<string, number>();
    for (const [index, name] of DEPARTMENTS.entries()) {
      const saved = await m.getRepository(DepartmentEntity).save(m.getRepository(DepartmentEntity).create({ name, sortOrder: index }));
      departmentIds.set(name, saved.id);
    }

    const userIds = new Map<string, number>();
    for (const person of PEOPLE) {
      const user = await m.getRepository(UserEntity).save(
        m.getRepository(UserEntity).create({
          openid: person.openid,
          name: person.name,
          phoneEnc: this.cipher.encrypt(person.phone),
          phoneHash: this.cipher.lookupHash(person.phone),
          orgId: person.org ? orgIds.get(person.org)! : null,
          enterpriseId: person.enterprise ? enterpriseIds.get(person.enterprise)! : null,
          politicalStatus: person.politicalStatus,
          isSample: true,
        }),
      );
      userIds.set(person.openid, user.id);
      for (const grant of person.grants) {
        const orgId = grant.org ? orgIds.get(grant.org)! : null;
        const departmentId = grant.department ? departmentIds.get(grant.department)! : null;
        await m.getRepository(RoleGrantEntity).insert({
          userId: user.id,
          role: grant.role,
          orgId,
          departmentId,
          scopeKey: orgId ? `org:${orgId}` : departmentId ? `dept:${departmentId}` : '-',
          grantedBy: null,
        });
      }
    }
    const now = Date.now();
    for (const a of ACTIVITIES) {
      // The day a.inDays from now, at a.hour China time.
      const day = new Date(now + a.inDays * 86400000 + 8 * 3600000);
      const startAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), a.hour - 8));
      await m.getRepository(ActivityEntity).insert({
        orgId: orgIds.get(a.org)!,
        title: a.title,
        type: a.type,
        description: a.description,
        coverUrl: null,
        location: a.location,
        onlineUrl: null,
        startAt,
        endAt: new Date(startAt.getTime() + a.hours * 3600000),
        signupStartAt: null,
        signupEndAt: new Date(startAt.getTime() - 12 * 3600000),
        capacity: a.capacity,
        waitlist: true,
        requiresApproval: a.requiresApproval,
        cancelDeadline: new Date(startAt.getTime() - 24 * 3600000),
        formFields: a.formFields,
        status: 'PUBLISHED',
        publishedAt: new Date(now),
        cancelledAt: null,
        cancelReason: null,
        confirmedCount: 0,
        reminderSentAt: null,
        createdBy: userIds.get(a.createdBy)!,
        isSample: true,
      });
    }
  }
}
