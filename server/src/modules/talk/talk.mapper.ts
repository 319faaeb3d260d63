import type { ActivityResponse, AdminAppealResponse, AppealResponse, RegistrationStatus, TalkSummary } from '@torch-red/shared';
import { appealProgress } from './appeal-progress';
import { toIso } from '../../database/sql-time';
import type { NamedRef } from '../org/org-directory.service';
import type { AppealEntity } from './appeal.entity';
import type { TalkSessionEntity } from './talk-session.entity';

/** `registration`: the status of the registration the appeal came with (null when it is gone). */
export function toAppealResponse(a: AppealEntity, theme: string, registration: RegistrationStatus | null): AppealResponse {
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
    progress: appealProgress(a.status, registration),
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
  return { ...toAppealResponse(a, theme, raiser.registrationStatus), userId: String(a.userId), name: raiser.name, phone: raiser.maskedPhone, registrationStatus: raiser.registrationStatus };
}

/** `departments`: at least the session's host departments, by id (a department since deleted is left out); `mine`: the caller's registration. */
export function toTalkSummary(t: TalkSessionEntity, activity: ActivityResponse, departments: ReadonlyMap<number, NamedRef>, mine: RegistrationStatus | null): TalkSummary {
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
    myRegistrationStatus: mine,
  };
}
