/**
 * In WeChat every page ships in the package, and a visitor is signed in silently (useRequireSession):
 * nothing to decide before the first page.
 */
export function sendVisitorsToSignIn(): void {}
