import { ApiError } from '@/services/http';

/** Awaits a call that must fail with an ApiError and returns that error (any other outcome fails the test). */
export async function captureApiError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail with an ApiError');
}
