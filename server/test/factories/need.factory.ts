import type { NeedDetail, RaiseNeedRequest } from '@torch-red/shared';
import type { TestApp } from '../support/test-app';

type Auth = { Authorization: string };
const DAY = 86400000;

/** A valid need body; override any field. */
export function needBody(overrides: Partial<RaiseNeedRequest> = {}): RaiseNeedRequest {
  return { category: 'RAW_MATERIALS', urgency: 'URGENT', title: '丙烯原料供应不稳定', description: '上游装置检修，到货量减少三成。', ...overrides };
}

export async function raiseNeed(t: TestApp, auth: Auth, overrides: Partial<RaiseNeedRequest> = {}): Promise<NeedDetail> {
  return (await t.http().post('/api/needs').set(auth).send(needBody(overrides)).expect(201)).body as NeedDetail;
}

/** A deadline `days` from now (the server's clock may have moved: pass the offset). */
export function deadlineIn(days: number, offsetMs = 0): string {
  return new Date(Date.now() + offsetMs + days * DAY).toISOString();
}

export async function dispatch(t: TestApp, auth: Auth, needId: string, departmentIds: string[], days = 3): Promise<NeedDetail> {
  const res = await t.http()
    .post(`/api/needs/${needId}/dispatch`)
    .set(auth)
    .send({ assignments: departmentIds.map((departmentId) => ({ departmentId, deadline: deadlineIn(days) })), note: '请按期办理' })
    .expect(200);
  return res.body as NeedDetail;
}
