import { API } from '@torch-red/shared';
import { send } from '@/services/http';

/** 待办 counts for the caller's roles (none for a plain member). */
export const getTodo = () => send(API.auth.todo);
