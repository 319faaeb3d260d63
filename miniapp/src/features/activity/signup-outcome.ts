import type { RegistrationResponse } from '@torch-red/shared';

/**
 * The sign-up page hands its result to the detail page it returns to, which celebrates it once
 * (a page that merely re-opens later shows the ordinary status banner).
 */
let pending: RegistrationResponse | null = null;

export function rememberSignupOutcome(registration: RegistrationResponse): void {
  pending = registration;
}

export function takeSignupOutcome(activityId: string): RegistrationResponse | null {
  if (pending?.activityId !== activityId) {
    return null;
  }
  const outcome = pending;
  pending = null;
  return outcome;
}
