import type { ActivityResponse, AdminAppealResponse, AppealResponse, TalkSummary } from '@torch-red/shared';
import { toIso } from '../../database/sql-time';
import type { NamedRef } from '../org/org-directory.service';
import type { AppealEntity } from './appeal.entity';
import type { TalkSessionEntity } from './talk-session.entity';

export function toAppealResponse(a: AppealEntity, theme: string): AppealResponse {
  return {
    id: String(a.id),
    talkId: String(a.talkSessionId),
    talkTheme: theme,
    enterpriseId: a.enterpriseId === null ? null : String(a.enterpriseId),
    enterpriseName: a.enterpriseName,
    position: a.position,
    category: a.category,
    content: a.content,
    status: a.status,
    answer: a.answer,
    answeredAt: toIso(a.answeredAt),
    createdAt: toIso(a.createdAt),
  };
}

/** An appeal as the admins see it: who raised it, the masked phone and where their registration stands. */
export function toAdminAppealResponse(
  a: AppealEntity,
  theme: string,
  raiser: { name: string; maskedPhone: string | null; registrationStatus: AdminAppealResponse['registrationStatus'] },
): AdminAppealResponse {
  return { ...toAppealResponse(a, theme), userId: String(a.userId), name: raiser.name, phone: raiser.maskedPhone, registrationStatus: raiser.registrationStatus };
}

/** `departments`: at least the session's host departments, by id (a department since deleted is left out). */
export function toTalkSummary(t: TalkSessionEntity, activity: ActivityResponse, departments: ReadonlyMap<number, NamedRef>): TalkSummary {
  return {
    id: String(t.id),
    theme: t.theme,
    hostDepartments: t.hostDepartmentIds
      .map((d) => departments.get(d))
      .filter((d): d is NamedRef => Boolean(d))
      .map((d) => ({ id: String(d.id), name: d.name })),
    activity,
    minutesPublished: t.minutesPublishedAt !== null,
    isSample: t.isSample,
  };
}
