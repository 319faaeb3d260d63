import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CheckinDayResponse, MyPointsResponse, Page, PointLine, PointRule, StudyFlagKind, StudyFlagResponse } from '@torch-red/shared';
import { POINT_RULES, STUDY_FLAG_LABELS } from '@torch-red/shared';
import { DataSource, EntityManager, LessThan, type ObjectLiteral, type EntityTarget } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { isUniqueViolation } from '../../database/db-errors';
import { toIso } from '../../database/sql-time';
import { forUpdate } from '../../database/row-lock';
import { Tx } from '../../database/tx.service';
import { PeopleDirectory } from '../user/people-directory.service';
import { PointsLedgerEntity, RuleDayEntity, StudyFlagEntity, type FlagDetail, UserDayEntity, UserTotalEntity, UserWeekEntity } from './points.entity';
import { chinaDay, chinaWeek } from './study-calendar';
import { STUDY_RULES, type StudyRules } from './study-rules';

export interface Award {
  rule: PointRule;
  points: number;
  /** Counted once per person and rule: "lesson:12", "quiz:2026-12-01", "paper:3". */
  sourceKey: string;
}

export type Person = Pick<AuthUser, 'id' | 'orgId' | 'enterpriseId'>;

/**
 * The points ledger and its aggregates. Every award runs inside the caller's transaction:
 * the person's row for the day is locked first, so awards of one person queue (on MySQL across
 * processes), a daily cap is a conditional UPDATE on the per-rule-per-day row, and the ledger's
 * unique key (person, rule, source) makes each source count once.
 */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STUDY_RULES) readonly rules: StudyRules,
    private readonly tx: Tx,
    private readonly clock: Clock,
    private readonly people: PeopleDirectory,
  ) {}

  /** The day's sign-in (签到); points earned before it are flagged and not credited. */
  async checkinDay(user: AuthUser): Promise<CheckinDayResponse> {
    const now = this.clock.now();
    const day = chinaDay(now);
    const repo = this.dataSource.getRepository(UserDayEntity);
    const existing = await repo.findOneBy({ userId: user.id, day });
    if (!existing?.checkedInAt) {
      await this.tx.run(async (m) => {
        await bump(m, UserDayEntity, { userId: user.id, day }, {}, { checkedInAt: now, points: 0, studySeconds: 0 });
        await m.createQueryBuilder().update(UserDayEntity).set({ checkedInAt: now }).where('userId = :userId AND day = :day AND checkedInAt IS NULL', { userId: user.id, day }).execute();
      });
    }
    const row = (await repo.findOneBy({ userId: user.id, day }))!;
    return { day, checkedInAt: toIso(row.checkedInAt!) };
  }

  /** Awards points within a transaction; returns what was granted (0 when capped, not signed in, or already counted). */
  async awardIn(m: EntityManager, person: Person, award: Award, now: Date): Promise<number> {
    if (award.points <= 0) return 0;
    const day = chinaDay(now);
    const dayRow = await this.lockDay(m, person.id, day);
    if (!dayRow?.checkedInAt) {
      await this.flagIn(m, person.id, 'POINTS_BEFORE_CHECKIN', `checkin:${person.id}:${day}:${award.rule}`, { day, rule: award.rule, source: award.sourceKey });
      return 0;
    }
    const ledger = m.getRepository(PointsLedgerEntity);
    if (await ledger.exists({ where: { userId: person.id, rule: award.rule, sourceKey: award.sourceKey } })) return 0;

    const cap = this.rules[award.rule].dailyCap;
    const key = { userId: person.id, day, rule: award.rule };
    const ruleRow = await m.getRepository(RuleDayEntity).findOneBy(key);
    const already = ruleRow?.points ?? 0;
    const grant = cap === null ? award.points : Math.min(award.points, cap - already);
    if (grant <= 0) return 0;
    if (!ruleRow) await bump(m, RuleDayEntity, key, {}, { points: 0 });
    const capped = m
      .createQueryBuilder()
      .update(RuleDayEntity)
      .set({ points: () => `points + ${grant}` })
      .where('userId = :userId AND day = :day AND rule = :rule', key);
    if (cap !== null) capped.andWhere('points + :grant <= :cap', { grant, cap });
    if (!(await capped.execute()).affected) return 0;

    // A second award of the same source racing this one fails here on the unique key and rolls back the whole unit.
    await ledger.insert({ userId: person.id, rule: award.rule, points: grant, sourceKey: award.sourceKey, day });
    await m.createQueryBuilder().update(UserDayEntity).set({ points: () => `points + ${grant}` }).where('userId = :userId AND day = :day', { userId: person.id, day }).execute();
    const optIn = await this.bumpTotal(m, person.id, grant);
    await this.bumpWeek(m, person, now, { points: grant }, optIn);
    return grant;
  }

  /** Adds credited seconds to today's and this week's rows; returns today's seconds before and after. */
  async addStudySecondsIn(m: EntityManager, person: Person, seconds: number, now: Date): Promise<{ before: number; after: number }> {
    const day = chinaDay(now);
    await bump(m, UserDayEntity, { userId: person.id, day }, { studySeconds: seconds }, { checkedInAt: null, points: 0, studySeconds: seconds });
    const row = (await m.getRepository(UserDayEntity).findOneBy({ userId: person.id, day }))!;
    const total = await m.getRepository(UserTotalEntity).findOneBy({ userId: person.id });
    await this.bumpWeek(m, person, now, { studySeconds: seconds }, total?.optIn ?? false);
    return { before: row.studySeconds - seconds, after: row.studySeconds };
  }

  async todaySecondsIn(m: EntityManager, userId: number, now: Date): Promise<number> {
    return (await m.getRepository(UserDayEntity).findOneBy({ userId, day: chinaDay(now) }))?.studySeconds ?? 0;
  }

  async flagIn(m: EntityManager, userId: number, kind: StudyFlagKind, dedupeKey: string, detail: FlagDetail): Promise<void> {
    await m.createQueryBuilder().insert().into(StudyFlagEntity).values(m.getRepository(StudyFlagEntity).create({ userId, kind, dedupeKey, detail })).orIgnore().updateEntity(false).execute();
  }

  async myPoints(user: AuthUser): Promise<MyPointsResponse> {
    const now = this.clock.now();
    const day = chinaDay(now);
    const [today, week, total, byRule] = await Promise.all([
      this.dataSource.getRepository(UserDayEntity).findOneBy({ userId: user.id, day }),
      this.dataSource.getRepository(UserWeekEntity).findOneBy({ userId: user.id, week: chinaWeek(now) }),
      this.dataSource.getRepository(UserTotalEntity).findOneBy({ userId: user.id }),
      this.dataSource.getRepository(RuleDayEntity).findBy({ userId: user.id, day }),
    ]);
    return {
      day,
      today: today?.points ?? 0,
      week: week?.points ?? 0,
      total: total?.points ?? 0,
      todayStudySeconds: today?.studySeconds ?? 0,
      checkedInToday: Boolean(today?.checkedInAt),
      optedIn: total?.optIn ?? false,
      rules: POINT_RULES.map((rule) => ({
        rule,
        label: this.rules[rule].label,
        description: this.rules[rule].description,
        today: byRule.find((r) => r.rule === rule)?.points ?? 0,
        dailyCap: this.rules[rule].dailyCap,
      })),
    };
  }

  async history(user: AuthUser, limit: number, cursor?: number): Promise<Page<PointLine>> {
    const rows = await this.dataSource.getRepository(PointsLedgerEntity).find({
      where: { userId: user.id, ...(cursor ? { id: LessThan(cursor) } : {}) },
      order: { id: 'DESC' },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: String(r.id),
        rule: r.rule,
        ruleLabel: this.rules[r.rule].label,
        ruleDescription: this.rules[r.rule].description,
        points: r.points,
        source: r.sourceKey,
        day: r.day,
        createdAt: toIso(r.createdAt),
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }

  async listFlags(query: { kind?: StudyFlagKind; limit: number; cursor?: number }): Promise<Page<StudyFlagResponse>> {
    const rows = await this.dataSource.getRepository(StudyFlagEntity).find({
      where: { ...(query.kind ? { kind: query.kind } : {}), ...(query.cursor ? { id: LessThan(query.cursor) } : {}) },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const names = await this.people.names(page.map((r) => r.userId));
    return {
      items: page.map((r) => ({
        id: String(r.id),
        userId: String(r.userId),
        userName: names.get(r.userId) ?? null,
        kind: r.kind,
        kindLabel: STUDY_FLAG_LABELS[r.kind],
        detail: r.detail,
        createdAt: toIso(r.createdAt),
      })),
      nextCursor: rows.length > query.limit ? String(page[page.length - 1].id) : null,
    };
  }

  /** Leaderboard opt-in: stored on the total row and copied to this week's row so boards filter on one index. */
  async setOptIn(user: AuthUser, optIn: boolean): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async (m) => {
      await bump(m, UserTotalEntity, { userId: user.id }, {}, { optIn, points: 0 });
      await m.getRepository(UserTotalEntity).update({ userId: user.id }, { optIn });
      await m.getRepository(UserWeekEntity).update({ userId: user.id }, { optIn });
      await this.bumpWeek(m, user, now, {}, optIn);
    });
  }

  private async lockDay(m: EntityManager, userId: number, day: string): Promise<UserDayEntity | null> {
    return forUpdate(m.getRepository(UserDayEntity).createQueryBuilder('d').where('d.userId = :userId AND d.day = :day', { userId, day })).getOne();
  }

  private async bumpTotal(m: EntityManager, userId: number, points: number): Promise<boolean> {
    await bump(m, UserTotalEntity, { userId }, { points }, { optIn: false, points });
    return (await m.getRepository(UserTotalEntity).findOneBy({ userId }))!.optIn;
  }

  private async bumpWeek(m: EntityManager, person: Person, now: Date, add: { points?: number; studySeconds?: number }, optIn: boolean): Promise<void> {
    await bump(
      m,
      UserWeekEntity,
      { userId: person.id, week: chinaWeek(now) },
      add,
      { orgId: person.orgId, enterpriseId: person.enterpriseId, optIn, points: add.points ?? 0, studySeconds: add.studySeconds ?? 0 },
    );
  }
}

/**
 * Adds to counters on the row with this key, creating it when missing. UPDATE first and INSERT only
 * when nothing matched: no shared locks from INSERT IGNORE, so two writers cannot deadlock on an upgrade.
 */
export async function bump<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  key: Record<string, string | number>,
  add: Record<string, number>,
  initial: Record<string, unknown>,
): Promise<void> {
  const update = async () => {
    const entries = Object.entries(add).filter(([, v]) => v !== 0);
    if (entries.length === 0) return (await m.getRepository(entity).countBy(key as never)) > 0;
    const set = Object.fromEntries(entries.map(([column, value]) => [column, () => `${column} + ${Number(value)}`]));
    const conditions = Object.keys(key).map((column, i) => `${column} = :k${i}`).join(' AND ');
    const params = Object.fromEntries(Object.values(key).map((value, i) => [`k${i}`, value]));
    const qb = m.createQueryBuilder().update(entity).set(set as never).where(conditions, params);
    return Boolean((await qb.execute()).affected);
  };
  if (await update()) return;
  try {
    await m.getRepository(entity).insert({ ...key, ...initial } as never);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await update();
  }
}
