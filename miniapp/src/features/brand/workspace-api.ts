import { API, type PostReviewRequest, type ReturnBrandRequest, type SaveBrandRequest, type SavePostRequest } from '@torch-red/shared';
import type { LocalFile } from '@/services/file-transfer';
import { send, upload } from '@/services/http';

// The brand workspace's calls (editing, posts, review, uploads): kept out of ./api so they travel with the workspace subpackage.
export const getWorkspaceBrand = (orgId: string) => send(API.brands.workspace(orgId));
export const saveWorkspaceBrand = (orgId: string, body: SaveBrandRequest) => send(API.brands.save(orgId), { body });
export const submitWorkspaceBrand = (orgId: string) => send(API.brands.submit(orgId));
export const createPost = (orgId: string, body: SavePostRequest) => send(API.brands.createPost(orgId), { body });
export const updatePost = (id: string, body: SavePostRequest) => send(API.brands.updatePost(id), { body });
export const deletePost = (id: string) => send(API.brands.deletePost(id));
export const addPostReview = (id: string, body: PostReviewRequest) => send(API.brands.reviewPost(id), { body });
export const listOrgMembers = (orgId: string) => send(API.orgs.members(orgId), { query: { limit: 100 } });

export const listBrandsToReview = (cursor?: string) => send(API.brands.toReview, { query: { status: 'SUBMITTED', limit: 20, cursor } });
export const approveBrand = (id: string) => send(API.brands.approve(id));
export const returnBrand = (id: string, body: ReturnBrandRequest) => send(API.brands.return(id), { body });

/** IMAGE_INVALID / IMAGE_TOO_LARGE are toasted with the server's message. */
export const uploadImage = (file: LocalFile) => upload(API.uploads.image, file, { loadingTitle: '正在上传…', failureMessage: '图片上传失败，请稍后再试' });
