import type { signInSilently as weappSignInSilently } from './silent-sign-in';

/** A browser has no WeChat identity: the person picks one on the sign-in page. */
export const signInSilently: typeof weappSignInSilently = () => Promise.resolve(false);
