import { API, type BrandListQuery } from '@torch-red/shared';
import { send } from '@/services/http';

// What the main package's brand pages call; the workspace's calls are in ./workspace-api.

export const listBrands = (query: BrandListQuery) => send(API.brands.list, { query });
/** Every call counts a view. */
export const getBrand = (id: string) => send(API.brands.detail(id));
export const likeBrand = (id: string) => send(API.brands.like(id));
export const unlikeBrand = (id: string) => send(API.brands.unlike(id));
