import { Injectable } from '@nestjs/common';
import type { JoinRequestResponse, RepresentationRequestResponse } from '@torch-red/shared';
import type { AuthUser } from '../../../common/auth/auth-user';
import { toIso } from '../../../database/sql-time';
import { AccessPolicy } from '../../access/access-policy.service';
import { OrgDirectory } from '../../org/org-directory.service';
import { PeopleDirectory } from '../people-directory.service';
import type { JoinRequestEntity, RepresentationRequestEntity } from './onboarding.entity';

/**
 * The WeChat subscribe message telling an applicant the decision (template key `review_result`, id from
 * WECHAT_TEMPLATE_REVIEW_RESULT; without one the outbox skips it and the in-app message stays).
 */
export function reviewResult(what: string, where: string, outcome: '已通过' | '未通过', note: string): { templateKey: string; data: Record<string, string> } {
  return { templateKey: 'review_result', data: { thing1: what, thing2: where, phrase3: outcome, thing4: note } };
}

/** Requests as the viewer sees them: names resolved in one query per kind, `canDecide` from the AccessPolicy. */
@Injectable()
export class JoinRequestMapper {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly orgDirectory: OrgDirectory,
    private readonly people: PeopleDirectory,
  ) {}

  async joinRequests(viewer: AuthUser, rows: JoinRequestEntity[]): Promise<JoinRequestResponse[]> {
    if (rows.length === 0) return [];
    const orgIds = [...new Set(rows.map((r) => r.orgId))];
    const [orgs, enterprises, deciders] = await Promise.all([
      this.orgDirectory.orgs(orgIds),
      this.orgDirectory.enterprises(rows.map((r) => r.enterpriseId)),
      this.policy.allowed(viewer, 'onboarding.approve', orgIds),
    ]);
    return rows.map((r) => ({
      id: String(r.id),
      userId: String(r.userId),
      orgId: String(r.orgId),
      orgName: orgs.get(r.orgId)?.name ?? '',
      name: r.name,
      politicalStatus: r.politicalStatus,
      enterpriseId: r.enterpriseId === null ? null : String(r.enterpriseId),
      enterpriseName: r.enterpriseId === null ? null : (enterprises.get(r.enterpriseId)?.name ?? null),
      status: r.status,
      reason: r.reason,
      createdAt: toIso(r.createdAt),
      decidedAt: r.decidedAt ? toIso(r.decidedAt) : null,
      canDecide: r.status === 'PENDING' && deciders.has(r.orgId),
    }));
  }

  async representations(viewer: AuthUser, rows: RepresentationRequestEntity[]): Promise<RepresentationRequestResponse[]> {
    if (rows.length === 0) return [];
    const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId))];
    const [enterprises, users, deciders] = await Promise.all([
      this.orgDirectory.enterprises(enterpriseIds),
      this.people.names(rows.map((r) => r.userId)),
      this.policy.allowed(viewer, 'enterprise.approve-representative', enterpriseIds),
    ]);
    return rows.map((r) => ({
      id: String(r.id),
      userId: String(r.userId),
      userName: users.get(r.userId) ?? '',
      enterpriseId: String(r.enterpriseId),
      enterpriseName: enterprises.get(r.enterpriseId)?.name ?? '',
      kind: r.kind,
      status: r.status,
      reason: r.reason,
      createdAt: toIso(r.createdAt),
      decidedAt: r.decidedAt ? toIso(r.decidedAt) : null,
      canDecide: r.status === 'PENDING' && deciders.has(r.enterpriseId),
    }));
  }
}
