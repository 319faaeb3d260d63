import type { ActivityResponse, FormField, RegistrationResponse } from '@torch-red/shared';

let sequence = 0;

export function buildActivity(overrides: Partial<ActivityResponse> = {}): ActivityResponse {
  sequence += 1;
  return {
    id: String(sequence),
    orgId: 'org-1',
    orgName: '明阳风电第一党支部',
    title: `示例活动${sequence}`,
    type: 'THEME_PARTY_DAY',
    description: '活动介绍',
    coverUrl: null,
    location: '新兴产业党群服务中心',
    onlineUrl: null,
    startAt: '2026-12-01T06:00:00.000Z',
    endAt: '2026-12-01T08:00:00.000Z',
    signupStartAt: null,
    signupEndAt: '2026-11-30T10:00:00.000Z',
    capacity: 30,
    waitlist: true,
    requiresApproval: false,
    cancelDeadline: null,
    formFields: [],
    visibility: 'PUBLIC',
    status: 'PUBLISHED',
    phase: 'SIGNUP_OPEN',
    publishedAt: '2026-11-01T00:00:00.000Z',
    cancelledAt: null,
    cancelReason: null,
    confirmedCount: 0,
    waitlistCount: 0,
    pendingCount: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function buildField(overrides: Partial<FormField> = {}): FormField {
  sequence += 1;
  return { key: `field${sequence}`, label: `报名项${sequence}`, type: 'text', required: false, ...overrides };
}

export function buildRegistration(overrides: Partial<RegistrationResponse> = {}): RegistrationResponse {
  sequence += 1;
  return {
    id: String(sequence),
    activityId: '1',
    status: 'CONFIRMED',
    waitlistPosition: null,
    answers: {},
    attendance: 'NONE',
    leaveReason: null,
    rejectReason: null,
    checkedInAt: null,
    createdAt: '2026-11-02T00:00:00.000Z',
    updatedAt: '2026-11-02T00:00:00.000Z',
    ...overrides,
  };
}
