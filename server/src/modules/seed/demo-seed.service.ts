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
import { BrandEntity } from '../brand/brand.entity';
import { PioneerPostEntity } from '../brand/pioneer-post.entity';
import { PostReviewEntity } from '../brand/post-review.entity';
import { TalkSessionEntity } from '../talk/talk-session.entity';
import { TALK_FORM } from '../talk/talk.service';
import { LessonEntity, StudyColumnEntity } from '../study/content.entity';
import { PaperEntity, QuestionEntity } from '../study/question.entity';
import { NeedAssignmentEntity } from '../need/need-assignment.entity';
import { NeedEventEntity } from '../need/need-event.entity';
import { NeedEntity } from '../need/need.entity';
import { InstructorEnterpriseEntity, VisitEntity } from '../visit/visit.entity';
import { MeetingAttendeeEntity, MeetingEntity } from '../org-life/meeting.entity';
import { periodNumbers } from '../org-life/meeting-period';
import { ACTIVITIES, ARTICLE_ENTERPRISES, STUDY_COLUMNS, STUDY_LESSONS, STUDY_PAPER, STUDY_QUESTIONS, STUDY_SAMPLE_NOTE, BRANDS, POSTS, TALK, CHAINS, CORE_WITH_BRANCH, DEPARTMENTS, HONOURS, PEOPLE, WORKING_COMMITTEE, chainRoleOf, INSTRUCTOR_ENTERPRISES, MEETING_SAMPLE_NOTE, MEETINGS, NEED_SAMPLE_NOTE, NEEDS, VISITS } from './demo-data';

/**
 * Builds the demo zone of the source article (orgs, chains, people, activities, study content, brands, a
 * 月月谈 session, needs and visits) in one transaction on an empty database. Over ~300 lines on purpose: it reads
 * top to bottom like the article, and splitting it would only scatter the order the rows depend on.
 */
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
        visibility: a.visibility ?? 'PUBLIC',
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

    const stamp = new Date(now);
    for (const b of BRANDS) {
      const content = {
        name: b.name,
        slogan: b.slogan,
        story: b.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
        coverImageId: null,
        galleryImageIds: [] as number[],
        honours: b.honours,
      };
      await m.getRepository(BrandEntity).insert({
        orgId: orgIds.get(b.org)!,
        ...content,
        status: 'APPROVED',
        returnReason: null,
        submittedAt: stamp,
        reviewedAt: stamp,
        reviewedBy: null,
        published: { ...content, coverImageId: null, galleryImageIds: [] },
        publishedAt: stamp,
        isDemoPoint: b.demoPointYear !== null,
        demoPointYear: b.demoPointYear,
        viewCount: 0,
        likeCount: 0,
        isSample: !b.fromArticle,
      });
    }
    for (const p of POSTS) {
      const fields = {
        name: p.name,
        kind: p.kind,
        enterpriseId: enterpriseIds.get(p.enterprise)!,
        workshop: p.workshop,
        commitment: p.commitment,
        holderIds: p.holders.map((h) => userIds.get(h)!),
      };
      const saved = await m.getRepository(PioneerPostEntity).save(
        m.getRepository(PioneerPostEntity).create({
          orgId: orgIds.get(p.org)!,
          ...fields,
          published: { ...fields, enterpriseId: String(fields.enterpriseId), holderIds: fields.holderIds.map(String) },
          isSample: true,
        }),
      );
      if (p.review) {
        const day = new Date(now - p.review.daysAgo * 86400000 + 8 * 3600000).toISOString().slice(0, 10);
        await m.getRepository(PostReviewEntity).insert({ postId: saved.id, reviewedOn: day, reviewerId: userIds.get(p.review.reviewer)!, note: p.review.note });
      }
    }

    const talkDay = new Date(now + TALK.inDays * 86400000 + 8 * 3600000);
    const talkStart = new Date(Date.UTC(talkDay.getUTCFullYear(), talkDay.getUTCMonth(), talkDay.getUTCDate(), TALK.hour - 8, 30));
    const talkActivity = await m.getRepository(ActivityEntity).insert({
      orgId: wc,
      title: `企业家月月谈 · ${TALK.theme}`,
      type: 'ENTREPRENEUR_TALK',
      description: TALK.description,
      coverUrl: null,
      location: TALK.location,
      onlineUrl: null,
      startAt: talkStart,
      endAt: new Date(talkStart.getTime() + 2.5 * 3600000),
      signupStartAt: null,
      signupEndAt: new Date(talkStart.getTime() - 2 * 86400000),
      capacity: TALK.capacity,
      waitlist: true,
      requiresApproval: true,
      cancelDeadline: new Date(talkStart.getTime() - 86400000),
      formFields: TALK_FORM,
      status: 'PUBLISHED',
      publishedAt: stamp,
      cancelledAt: null,
      cancelReason: null,
      confirmedCount: 0,
      reminderSentAt: null,
      createdBy: userIds.get('demo-admin-xuhong')!,
      isSample: true,
    });
    await m.getRepository(TalkSessionEntity).insert({
      activityId: Number(talkActivity.identifiers[0].id),
      theme: TALK.theme,
      hostDepartmentIds: TALK.departments.map((d) => departmentIds.get(d)!),
      minutes: null,
      minutesPublishedAt: null,
      isSample: true,
    });
    await this.seedStudy(m, new Date(now));
    await this.seedNeeds(m, now, { enterpriseIds, departmentIds, userIds });
    await this.seedMeetings(m, now, orgIds, userIds);
  }

  /** A few archived 组织生活 records of the demo branches (labelled 示例记录), with their attendance. */
  private async seedMeetings(m: EntityManager, now: number, orgIds: Map<string, number>, userIds: Map<string, number>): Promise<void> {
    const names = new Map(PEOPLE.map((p) => [p.openid, p.name]));
    for (const r of MEETINGS) {
      const day = new Date(now - r.daysAgo * 86400000 + 8 * 3600000);
      const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), r.hour - 8));
      const count = (status: string) => r.attendees.filter((a) => a.status === status).length;
      const saved = await m.getRepository(MeetingEntity).insert({
        orgId: orgIds.get(r.org)!,
        kind: r.kind,
        status: 'ARCHIVED',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600000),
        ...periodNumbers(startsAt),
        place: r.place,
        online: false,
        hostName: r.host,
        recorderName: r.recorder,
        topic: r.topic,
        agenda: null,
        minutes: `${r.minutes}${MEETING_SAMPLE_NOTE}`,
        resolutions: null,
        fromActivityId: null,
        presentCount: count('PRESENT'),
        leaveCount: count('LEAVE'),
        absentCount: count('ABSENT'),
        createdBy: null,
        archivedAt: new Date(startsAt.getTime() + 3 * 3600000),
        archivedBy: null,
        isSample: true,
      });
      const meetingId = Number(saved.identifiers[0].id);
      await m.getRepository(MeetingAttendeeEntity).insert(
        r.attendees.map((a) => ({ meetingId, userId: userIds.get(a.openid)!, name: names.get(a.openid)!, status: a.status, reason: a.reason ?? null })),
      );
    }
  }

  /** Sample needs in every state (labelled 示例), the demo instructor's enterprises and visits. */
  private async seedNeeds(m: EntityManager, now: number, ids: { enterpriseIds: Map<string, number>; departmentIds: Map<string, number>; userIds: Map<string, number> }): Promise<void> {
    const at = (days: number, hours = 0) => new Date(now + days * 86400000 + hours * 3600000);
    for (const [openid, names] of Object.entries(INSTRUCTOR_ENTERPRISES)) {
      await m.getRepository(InstructorEnterpriseEntity).insert(names.map((name) => ({ instructorId: ids.userIds.get(openid)!, enterpriseId: ids.enterpriseIds.get(name)!, assignedBy: null })));
    }
    const visitIds: number[] = [];
    for (const v of VISITS) {
      const day = at(-v.daysAgo, 8).toISOString().slice(0, 10);
      const saved = await m.getRepository(VisitEntity).insert({
        instructorId: ids.userIds.get(v.instructor)!,
        enterpriseId: ids.enterpriseIds.get(v.enterprise)!,
        visitedOn: day,
        peopleMet: v.peopleMet,
        discussed: v.discussed,
        problems: [],
        isSample: true,
      });
      visitIds.push(Number(saved.identifiers[0].id));
    }
    const chains = await m.getRepository(ChainEntity).find();
    const enterprises = await m.getRepository(EnterpriseEntity).find();
    for (const n of NEEDS) {
      const enterprise = enterprises.find((e) => e.id === ids.enterpriseIds.get(n.enterprise))!;
      const chain = chains.find((c) => c.id === enterprise.chainId)!;
      const raisedBy = ids.userIds.get(n.raiser)!;
      const actor = ids.userIds.get(n.committeeActor)!;
      const raisedAt = at(-n.daysAgo);
      const resolved = n.status === 'RESOLVED' || n.status === 'CLOSED';
      const lastStep = resolved ? at(-n.daysAgo + 2) : at(-n.daysAgo + 1);
      const visitId = n.visit !== undefined ? visitIds[n.visit] : null;
      const saved = await m.getRepository(NeedEntity).insert({
        enterpriseId: enterprise.id,
        chainId: chain.id,
        committeeOrgId: chain.committeeOrgId,
        raisedBy,
        category: n.category,
        urgency: n.urgency,
        title: n.title,
        description: `${n.description}${NEED_SAMPLE_NOTE}`,
        imageIds: [],
        status: n.status,
        version: 1,
        appealId: null,
        visitId,
        mergedIntoId: null,
        answer: n.answer ?? (resolved ? n.assignments.map((a) => `${a.department}：${a.answer ?? ''}`).join('\n') : null),
        resolvedAt: resolved ? lastStep : null,
        rating: n.rating?.stars ?? null,
        ratingComment: n.rating?.comment ?? null,
        closedAt: n.status === 'CLOSED' ? at(-n.daysAgo + 3) : null,
        lastActivityAt: n.status === 'CLOSED' ? at(-n.daysAgo + 3) : lastStep,
        escalatedAt: null,
        isSample: true,
        createdAt: raisedAt,
      });
      const needId = Number(saved.identifiers[0].id);
      const events: Array<Partial<NeedEventEntity>> = [{ actorId: raisedBy, kind: 'RAISED', note: visitId ? '党建指导员走访时代企业提出' : null, createdAt: raisedAt }];
      for (const a of n.assignments) {
        const departmentId = ids.departmentIds.get(a.department)!;
        await m.getRepository(NeedAssignmentEntity).insert({
          needId,
          departmentId,
          deadline: at(a.deadlineInDays),
          status: a.status,
          assignedBy: actor,
          acceptedBy: null,
          acceptedAt: a.status === 'ACCEPTED' || a.status === 'RESOLVED' ? at(-n.daysAgo + 1, 2) : null,
          returnReason: a.returnReason ?? null,
          answer: a.answer ?? null,
          resolvedBy: null,
          resolvedAt: a.status === 'RESOLVED' ? lastStep : null,
          reminderSentAt: null,
          overdueAt: null,
        });
        events.push({ actorId: actor, kind: 'DISPATCHED', departmentId, note: null, createdAt: at(-n.daysAgo + 1) });
        if (a.status === 'ACCEPTED' || a.status === 'RESOLVED') events.push({ actorId: null, kind: 'ACCEPTED', departmentId, note: null, createdAt: at(-n.daysAgo + 1, 2) });
        if (a.status === 'RETURNED') events.push({ actorId: null, kind: 'RETURNED', departmentId, note: a.returnReason ?? null, createdAt: at(-n.daysAgo + 1, 3) });
        if (a.status === 'RESOLVED') events.push({ actorId: null, kind: 'RESOLVED', departmentId, note: a.answer ?? null, createdAt: lastStep });
      }
      if (n.answer) events.push({ actorId: actor, kind: 'ANSWERED', note: n.answer, createdAt: lastStep });
      if (n.rating) events.push({ actorId: raisedBy, kind: 'RATED', note: `${'★'.repeat(n.rating.stars)} ${n.rating.comment}`, createdAt: at(-n.daysAgo + 3) });
      for (const e of events) await m.getRepository(NeedEventEntity).insert({ needId, departmentId: null, ...e });
      if (visitId) {
        await m.getRepository(VisitEntity).update({ id: visitId }, { problems: [{ title: n.title, description: n.description, category: n.category, needId }] });
      }
    }
  }

  /** Sample study content (labelled 示例内容): four columns, five lessons, 30+ questions and a paper. */
  private async seedStudy(m: EntityManager, now: Date): Promise<void> {
    const columnIds = new Map<string, number>();
    for (const [index, c] of STUDY_COLUMNS.entries()) {
      const saved = await m.getRepository(StudyColumnEntity).save(m.getRepository(StudyColumnEntity).create({ ...c, sortOrder: index, status: 'PUBLISHED', isSample: true }));
      columnIds.set(c.name, saved.id);
    }
    for (const [index, l] of STUDY_LESSONS.entries()) {
      await m.getRepository(LessonEntity).insert({
        columnId: columnIds.get(l.column)!,
        title: l.title,
        kind: 'ARTICLE',
        summary: l.summary,
        blocks: [
          { type: 'quote', text: STUDY_SAMPLE_NOTE },
          ...l.paragraphs.map((p) => (typeof p === 'string' ? { type: 'paragraph' as const, text: p } : { type: 'heading' as const, text: p.heading })),
        ],
        videoUrl: null,
        coverUrl: null,
        minutes: l.minutes,
        sortOrder: index,
        status: 'PUBLISHED',
        publishedAt: now,
        isSample: true,
        createdBy: null,
      });
    }
    await m.getRepository(QuestionEntity).insert(STUDY_QUESTIONS.map((q) => ({ ...q, enabled: true, isSample: true })));
    await m.getRepository(PaperEntity).insert({ ...STUDY_PAPER, mode: 'RANDOM', questionIds: [], status: 'PUBLISHED', isSample: true });
  }
}
