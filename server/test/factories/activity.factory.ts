import type { ActivityResponse, CreateActivityRequest } from '@torch-red/shared';
import type { TestApp } from '../support/test-app';

const HOUR = 3600 * 1000;

/** A valid activity body starting in two days, sign-up open now; override any field. */
export function activityBody(orgId: string, overrides: Partial<CreateActivityRequest> = {}): CreateActivityRequest {
  const now = Date.now();
  return {
    orgId,
    title: '发展纾难 共谋未来 政企座谈会',
    type: 'GOV_ENTERPRISE_FORUM',
    description: '邀请职能部门与链上企业面对面交流。',
    location: '新兴产业党群服务中心 201 会议室',
    startAt: new Date(now + 48 * HOUR).toISOString(),
    endAt: new Date(now + 50 * HOUR).toISOString(),
    signupEndAt: new Date(now + 40 * HOUR).toISOString(),
    capacity: 10,
    waitlist: true,
    requiresApproval: false,
    formFields: [
      { key: 'company', label: '单位名称', type: 'text', required: true },
      { key: 'meal', label: '是否用餐', type: 'select', required: false, options: ['是', '否'] },
    ],
    ...overrides,
  };
}

export async function publishedActivity(t: TestApp, auth: { Authorization: string }, body: CreateActivityRequest): Promise<ActivityResponse> {
  const created = await t.http().post('/api/activities').set(auth).send(body).expect(201);
  const published = await t.http().post(`/api/activities/${created.body.id}/publish`).set(auth).expect(200);
  return published.body as ActivityResponse;
}
