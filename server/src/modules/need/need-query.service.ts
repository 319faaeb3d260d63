import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACTIVE_ASSIGNMENT_STATUSES, NEED_CARD_EXCERPT, type DepartmentAssignmentItem, type NeedContactResponse, type NeedDetail, type NeedSummary, type Page } from '@torch-red/shared';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { departmentIdsOf, orgIdsWithRole, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { keysetPage, type KeysetQuery } from '../../database/keyset';
import { AccessPolicy } from '../access/access-policy.service';
import { AuditService } from '../audit/audit.service';
import { secretaryEnterpriseIds } from '../access/permissions';
import { ImageService } from '../media/image.service';
import { OrgDirectory } from '../org/org-directory.service';
import { PeopleDirectory } from '../user/people-directory.service';
import type { NeedListQueryDto } from './dto/need.dto';
import { NeedAssignmentEntity } from './need-assignment.entity';
import { NeedEventEntity } from './need-event.entity';
import { needFacts, needRelation } from './need-relation';
import { toAssignmentResponse, toEventResponse, toNeedSummary } from './need.mapper';
import { NeedEntity } from './need.entity';

const NEWEST_FIRST = { id: 'n.id', direction: 'DESC' } as const;

/** The read side of needs: the detail page, my needs, the committee ledger and a department's assignments. */
@Injectable()
export class NeedQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly images: ImageService,
    private readonly policy: AccessPolicy,
    private readonly orgDirectory: OrgDirectory,
    private readonly audit: AuditService,
    private readonly people: PeopleDirectory,
  ) {}

  async detail(user: AuthUser, id: number): Promise<NeedDetail> {
    const need = await this.dataSource.getRepository(NeedEntity).findOneBy({ id });
    if (!need) throw new AppError('NOT_FOUND');
    const assignments = await this.dataSource.getRepository(NeedAssignmentEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
    if (!(await this.policy.canOnNeed(user, 'need.read', needFacts(need, assignments)))) throw new AppError('NOT_FOUND');
    const events = await this.dataSource.getRepository(NeedEventEntity).find({ where: { needId: id }, order: { id: 'ASC' } });
    const [summary] = await this.summaries(user, [need], assignments);
    const names = await this.departmentNames([...assignments.map((a) => a.departmentId), ...events.map((e) => e.departmentId ?? 0)]);
    const actors = await this.userNames(events.map((e) => e.actorId ?? 0));
    const images = await this.images.byIds(need.imageIds);
    const mergeNotes = await this.mergeNotes(user, events);
    const now = this.clock.now();
    const relation = needRelation(user, need);
    // The dispatch note is written for the 承办部门: only committee staff, admins and assigned departments read it.
    const internal = relation.isCommittee || assignments.some((a) => relation.departmentIds.includes(a.departmentId));
    return {
      ...summary,
      description: need.description,
      images: need.imageIds.map((i) => images.get(i)).filter((i) => i !== undefined).map((i) => this.images.respond(i)),
      answer: need.answer,
      resolvedAt: need.resolvedAt ? need.resolvedAt.toISOString() : null,
      ratingComment: need.ratingComment,
      appealId: need.appealId === null ? null : String(need.appealId),
      visitId: need.visitId === null ? null : String(need.visitId),
      mergedIntoId: need.mergedIntoId === null ? null : String(need.mergedIntoId),
      version: need.version,
      assignments: assignments.map((a) => toAssignmentResponse(a, names.get(a.departmentId) ?? '', now, needRelation(user, need))),
      timeline: events.map((e) =>
        toEventResponse(
          mergeNotes.has(e.id) ? { ...e, note: mergeNotes.get(e.id)! } : internal ? e : { ...e, note: publicNote(e) },
          e.actorId === null ? null : (actors.get(e.actorId) ?? null),
          e.departmentId === null ? null : (names.get(e.departmentId) ?? null),
        ),
      ),
    };
  }

  /** The needs I raised, and those of the enterprises whose Party organisation I am secretary of; newest first. */
  async mine(user: AuthUser, page: KeysetQuery): Promise<Page<NeedSummary>> {
    const enterprises = secretaryEnterpriseIds(user, await this.policy.tree(user));
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('n');
    if (enterprises.length) qb.where('(n.raisedBy = :me OR n.enterpriseId IN (:...enterprises))', { me: user.id, enterprises });
    else qb.where('n.raisedBy = :me', { me: user.id });
    return this.summaryPage(user, qb, page);
  }

  /** The ledger: admins see all, committee staff their committees'; newest first. */
  async ledger(user: AuthUser, q: NeedListQueryDto): Promise<Page<NeedSummary>> {
    const qb = this.ledgerQuery(user, q);
    return qb ? this.summaryPage(user, qb, q) : { items: [], nextCursor: null };
  }

  /** Every ledger row the filters select, newest first (for the export). */
  async ledgerRows(user: AuthUser, q: NeedListQueryDto): Promise<NeedEntity[]> {
    const qb = this.ledgerQuery(user, q);
    return qb ? qb.orderBy('n.id', 'DESC').getMany() : [];
  }

  /** Assignments dispatched to my departments, newest first. */
  async departmentAssignments(user: AuthUser, page: KeysetQuery): Promise<Page<DepartmentAssignmentItem>> {
    const departments = departmentIdsOf(user);
    if (departments.length === 0) return { items: [], nextCursor: null };
    const qb = this.dataSource.getRepository(NeedAssignmentEntity).createQueryBuilder('a').where('a.departmentId IN (:...departments)', { departments });
    const { rows: assignments, nextCursor } = await keysetPage(qb, { id: 'a.id', direction: 'DESC' }, page);
    if (assignments.length === 0) return { items: [], nextCursor };
    const needs = await this.dataSource.getRepository(NeedEntity).findBy({ id: In([...new Set(assignments.map((a) => a.needId))]) });
    const all = await this.dataSource.getRepository(NeedAssignmentEntity).findBy({ needId: In(needs.map((n) => n.id)) });
    const summaries = await this.summaries(user, needs, all);
    const names = await this.departmentNames(assignments.map((a) => a.departmentId));
    const dispatched = await this.dataSource.getRepository(NeedEventEntity).find({ where: { needId: In(needs.map((n) => n.id)), kind: 'DISPATCHED' }, order: { id: 'ASC' } });
    const images = await this.images.byIds(needs.flatMap((n) => n.imageIds.slice(0, 3)));
    const now = this.clock.now();
    const items = assignments.map((a) => {
      const need = needs.find((n) => n.id === a.needId)!;
      const note = dispatched.filter((e) => e.needId === a.needId && e.departmentId === a.departmentId).pop()?.note ?? null;
      return {
        assignment: toAssignmentResponse(a, names.get(a.departmentId) ?? '', now, needRelation(user, need)),
        need: summaries.find((s) => s.id === String(a.needId))!,
        excerpt: need.description.length > NEED_CARD_EXCERPT ? `${need.description.slice(0, NEED_CARD_EXCERPT)}…` : need.description,
        thumbnails: need.imageIds.slice(0, 3).map((i) => images.get(i)).filter((i) => i !== undefined).map((i) => this.images.respond(i)),
        dispatchNote: committeeNote(note),
      };
    });
    return { items, nextCursor };
  }

  /**
   * The raiser's name and full phone, for a handler of the assignment's department (assignment.handle; anyone
   * else: 404). Each reveal is audited.
   */
  async contact(user: AuthUser, needId: number, assignmentId: number): Promise<NeedContactResponse> {
    const assignment = await this.dataSource.getRepository(NeedAssignmentEntity).findOneBy({ id: assignmentId, needId });
    if (!assignment || !this.policy.canOnAssignment(user, 'assignment.handle', assignment)) throw new AppError('NOT_FOUND');
    const need = (await this.dataSource.getRepository(NeedEntity).findOneBy({ id: needId }))!;
    const [person, enterprise] = await Promise.all([this.people.contact(need.raisedBy), this.orgDirectory.enterprise(need.enterpriseId)]);
    await this.audit.record({ actorId: user.id, action: 'need.contact-reveal', entityType: 'need', entityId: needId, after: { assignmentId, raisedBy: need.raisedBy } });
    return { name: person?.name ?? '', enterpriseName: enterprise?.name ?? '', phone: person?.phone ?? null };
  }

  async summaries(user: AuthUser, needs: NeedEntity[], known?: NeedAssignmentEntity[]): Promise<NeedSummary[]> {
    if (needs.length === 0) return [];
    const ids = needs.map((n) => n.id);
    const assignments = known ?? (await this.dataSource.getRepository(NeedAssignmentEntity).findBy({ needId: In(ids) }));
    const [enterprises, users, departments] = await Promise.all([
      this.orgDirectory.enterprises(needs.map((n) => n.enterpriseId)),
      this.userNames(needs.map((n) => n.raisedBy)),
      this.departmentNames(assignments.map((a) => a.departmentId)),
    ]);
    const now = this.clock.now();
    return needs.map((n) =>
      toNeedSummary(n, {
        enterpriseName: enterprises.get(n.enterpriseId)?.name ?? '',
        raisedByName: users.get(n.raisedBy) ?? '',
        assignments: assignments.filter((a) => a.needId === n.id),
        departmentNames: departments,
        now,
        relation: needRelation(user, n),
      }),
    );
  }

  async departmentNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((i) => i > 0))];
    if (unique.length === 0) return new Map();
    const rows = await this.orgDirectory.departments(unique);
    return new Map([...rows.values()].map((d) => [d.id, d.name]));
  }

  private async summaryPage(user: AuthUser, qb: SelectQueryBuilder<NeedEntity>, page: KeysetQuery): Promise<Page<NeedSummary>> {
    const { rows, nextCursor } = await keysetPage(qb, NEWEST_FIRST, page);
    return { items: await this.summaries(user, rows), nextCursor };
  }

  /** The ledger's rows before paging, or null when the caller staffs no committee. */
  private ledgerQuery(user: AuthUser, q: NeedListQueryDto): SelectQueryBuilder<NeedEntity> | null {
    const qb = this.dataSource.getRepository(NeedEntity).createQueryBuilder('n');
    if (!user.isAdmin) {
      const committees = orgIdsWithRole(user, 'COMMITTEE');
      if (committees.length === 0) return null;
      qb.andWhere('n.committeeOrgId IN (:...committees)', { committees });
    }
    if (q.status) qb.andWhere('n.status = :status', { status: q.status });
    if (q.category) qb.andWhere('n.category = :category', { category: q.category });
    if (q.chainId) qb.andWhere('n.chainId = :chainId', { chainId: Number(q.chainId) });
    if (q.departmentId) {
      qb.andWhere('EXISTS (SELECT 1 FROM need_assignments da WHERE da.needId = n.id AND da.departmentId = :departmentId)', { departmentId: Number(q.departmentId) });
    }
    if (q.overdue !== undefined) {
      const clause = "EXISTS (SELECT 1 FROM need_assignments oa WHERE oa.needId = n.id AND oa.status IN (:...activeAssignment) AND oa.deadline <= :now)";
      qb.andWhere(q.overdue ? clause : `NOT ${clause}`, { now: this.clock.now(), activeAssignment: [...ACTIVE_ASSIGNMENT_STATUSES] });
    }
    return qb;
  }

  /**
   * The notes of MERGED events name the other need. Its title is shown only to a reader who may open that
   * need; others see just its number. Older notes stored the title, so it is taken out again here.
   */
  private async mergeNotes(user: AuthUser, events: NeedEventEntity[]): Promise<Map<number, string>> {
    const result = new Map<number, string>();
    for (const e of events) {
      if (e.kind !== 'MERGED' || !e.note) continue;
      const into = /^并入需求 #(\d+)/.exec(e.note);
      const match = into ?? /^需求 #(\d+)/.exec(e.note);
      if (!match) continue;
      const otherId = Number(match[1]);
      const other = await this.dataSource.getRepository(NeedEntity).findOneBy({ id: otherId });
      const visible = other !== null && (await this.policy.can(user, 'need.read', other.id));
      const title = visible && other ? `「${other.title}」` : '';
      if (into) {
        let rest = e.note.slice(match[0].length);
        if (other && rest.startsWith(`「${other.title}」`)) rest = rest.slice(other.title.length + 2);
        result.set(e.id, `并入需求 #${otherId}${title}${rest}`);
      } else {
        result.set(e.id, title ? `需求 #${otherId}${title}已并入本需求` : `需求 #${otherId} 已并入本需求`);
      }
    }
    return result;
  }

  private async userNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((i) => i > 0))];
    if (unique.length === 0) return new Map();
    return this.people.names(unique);
  }
}

/** What the enterprise sees of an event's note: a dispatch shows its deadline, never the note to the department. */
export function publicNote(e: Pick<NeedEventEntity, 'kind' | 'note'>): string | null {
  if (e.kind !== 'DISPATCHED' || !e.note) return e.note;
  const [deadline] = e.note.split('；');
  return deadline.startsWith('办理期限：') ? deadline : null;
}

/** The committee's own words in a DISPATCHED note, without the deadline line the server puts first. */
function committeeNote(note: string | null): string | null {
  if (!note) return null;
  const rest = note.startsWith('办理期限：') ? note.slice(note.indexOf('；') + 1 || note.length) : note;
  return rest.trim() === '' ? null : rest.trim();
}
