import {
  API,
  type CreateJoinRequestRequest,
  type CreateRepresentationRequest,
  type OnboardingListQuery,
  type RejectRequestBody,
} from '@torch-red/shared';
import { send } from '@/services/http';

export const redeemBindingCode = (code: string) => send(API.onboarding.redeemCode, { body: { code } });
export const previewJoinCode = (code: string) => send(API.onboarding.previewJoinCode(encodeURIComponent(code)));
export const requestJoin = (body: CreateJoinRequestRequest) => send(API.onboarding.requestJoin, { body });
export const requestRepresentation = (body: CreateRepresentationRequest) => send(API.onboarding.requestRepresentation, { body });
export const getJoinCode = (orgId: string) => send(API.onboarding.joinCode(orgId));
export const renewJoinCode = (orgId: string) => send(API.onboarding.renewJoinCode(orgId));
export const revokeJoinCode = (orgId: string) => send(API.onboarding.revokeJoinCode(orgId));
export const listBindingCandidates = (orgId: string) => send(API.onboarding.bindingCandidates(orgId));
export const issueBindingCode = (userId: string) => send(API.onboarding.issueBindingCode(userId));
export const listJoinRequests = (query: OnboardingListQuery) => send(API.onboarding.joinRequests, { query });
export const approveJoin = (id: string) => send(API.onboarding.approveJoin(id));
export const rejectJoin = (id: string, body: RejectRequestBody) => send(API.onboarding.rejectJoin(id), { body });
export const listRepresentations = (query: OnboardingListQuery) => send(API.onboarding.representations, { query });
export const approveRepresentation = (id: string) => send(API.onboarding.approveRepresentation(id));
export const rejectRepresentation = (id: string, body: RejectRequestBody) => send(API.onboarding.rejectRepresentation(id), { body });
