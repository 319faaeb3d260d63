import {
  ATTENDANCE_LABELS,
  REGISTRATION_STATUS_LABELS,
  type ActivityResponse,
  type RegistrationResponse,
} from '@torch-red/shared';

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
