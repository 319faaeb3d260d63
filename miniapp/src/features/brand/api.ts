import type {
  BrandDetail,
  BrandSummary,
  BrandWorkspaceResponse,
  LikeResponse,
  Page,
  PostResponse,
  PostReviewRequest,
  ReturnBrandRequest,
  SaveBrandRequest,
  SavePostRequest,
  UserResponse,
} from '@torch-red/shared';
import { http } from '@/services/http';

export interface BrandListQuery {
  chainId?: string;
  enterpriseId?: string;
  limit?: number;
  cursor?: string;
}

export const listBrands = (query: BrandListQuery) => http.get<Page<BrandSummary>>('/api/brands', { query: { ...query } });
/** Every call counts a view. */
export const getBrand = (id: string) => http.get<BrandDetail>(`/api/brands/${id}`);
export const likeBrand = (id: string) => http.post<LikeResponse>(`/api/brands/${id}/like`);
export const unlikeBrand = (id: string) => http.delete<LikeResponse>(`/api/brands/${id}/like`);

export const getWorkspaceBrand = (orgId: string) => http.get<BrandWorkspaceResponse | null>(`/api/workspace/orgs/${orgId}/brand`);
export const saveWorkspaceBrand = (orgId: string, body: SaveBrandRequest) => http.put<BrandWorkspaceResponse>(`/api/workspace/orgs/${orgId}/brand`, body);
export const submitWorkspaceBrand = (orgId: string) => http.post<BrandWorkspaceResponse>(`/api/workspace/orgs/${orgId}/brand/submit`);
export const createPost = (orgId: string, body: SavePostRequest) => http.post<PostResponse>(`/api/workspace/orgs/${orgId}/posts`, body);
export const updatePost = (id: string, body: SavePostRequest) => http.patch<PostResponse>(`/api/workspace/posts/${id}`, body);
export const deletePost = (id: string) => http.delete<void>(`/api/workspace/posts/${id}`);
export const addPostReview = (id: string, body: PostReviewRequest) => http.post<PostResponse>(`/api/workspace/posts/${id}/reviews`, body);
export const listOrgMembers = (orgId: string) => http.get<Page<UserResponse>>(`/api/orgs/${orgId}/members`, { query: { limit: 100 } });

export const listBrandsToReview = () => http.get<BrandWorkspaceResponse[]>('/api/review/brands', { query: { status: 'SUBMITTED' } });
export const approveBrand = (id: string) => http.post<BrandWorkspaceResponse>(`/api/review/brands/${id}/approve`);
export const returnBrand = (id: string, body: ReturnBrandRequest) => http.post<BrandWorkspaceResponse>(`/api/review/brands/${id}/return`, body);
