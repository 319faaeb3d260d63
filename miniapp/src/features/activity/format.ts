import {
  ATTENDANCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type ActivityResponse,
  type RegistrationResponse,
  type RegistrationStatus,
} from '@torch-red/shared';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const pad = (value: number) => String(value).padStart(2, '0');

/** The wall-clock parts of an instant in China (UTC+8), whatever the phone's time zone. */
export function chinaParts(iso: string) {
  const shifted = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `12月01日 14:00` */
export function formatDateTime(iso: string): string {
  const p = chinaParts(iso);
  return `${pad(p.month)}月${pad(p.day)}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `12月01日 周一 14:00 - 16:00`, or both ends in full when the activity spans days. */
export function formatTimeRange(startAt: string, endAt: string): string {
  const start = chinaParts(startAt);
  const end = chinaParts(endAt);
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (sameDay) {
    return `${pad(start.month)}月${pad(start.day)}日 周${WEEKDAYS[start.weekday]} ${pad(start.hour)}:${pad(start.minute)} - ${pad(end.hour)}:${pad(end.minute)}`;
  }
  return `${formatDateTime(startAt)} - ${formatDateTime(endAt)}`;
}

/** `已报 8/30`, or `不限名额` (with the count when people have signed up). */
export function formatSeats(activity: Pick<ActivityResponse, 'capacity' | 'confirmedCount'>): string {
  if (activity.capacity === null) {
    return activity.confirmedCount > 0 ? `不限名额 · 已报 ${activity.confirmedCount}` : '不限名额';
  }
  return `已报 ${activity.confirmedCount}/${activity.capacity}`;
}

export function isFull(activity: Pick<ActivityResponse, 'capacity' | 'confirmedCount'>): boolean {
  return activity.capacity !== null && activity.confirmedCount >= activity.capacity;
}

/** What a registration means to the person: 报名成功 / 候补第 N 位 / 待审核 / … */
export function describeRegistration(registration: Pick<RegistrationResponse, 'status' | 'waitlistPosition'>): string {
  if (registration.status === 'WAITLISTED' && registration.waitlistPosition !== null) {
    return `候补第 ${registration.waitlistPosition} 位`;
  }
  return REGISTRATION_STATUS_LABELS[registration.status];
}

export function describeAttendance(registration: Pick<RegistrationResponse, 'status' | 'attendance'>): string | null {
  return registration.status === 'CONFIRMED' && registration.attendance !== 'NONE' ? ATTENDANCE_LABELS[registration.attendance] : null;
}

/** A registration that still holds (or waits for) a seat. */
export function isActiveRegistration(status: RegistrationStatus): boolean {
  return status === 'CONFIRMED' || status === 'WAITLISTED' || status === 'PENDING';
}

/** Check-in runs from an hour before the start to the end (the server enforces the same window). */
export function isCheckinOpen(activity: Pick<ActivityResponse, 'startAt' | 'endAt'>, now = Date.now()): boolean {
  return now >= new Date(activity.startAt).getTime() - 3600 * 1000 && now <= new Date(activity.endAt).getTime();
}

export function canStillCancel(activity: Pick<ActivityResponse, 'cancelDeadline' | 'startAt'>, now = Date.now()): boolean {
  const deadline = activity.cancelDeadline ?? activity.startAt;
  return now < new Date(deadline).getTime();
}
