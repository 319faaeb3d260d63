import type { FieldError } from '@torch-red/shared';
import { ApiError } from './http';

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && typeof (value as FieldError).field === 'string' && typeof (value as FieldError).message === 'string';
}

/**
 * The per-field problems of a FORM_ANSWER_INVALID / VALIDATION_FAILED answer as `{ field: message }`
 * (the first message per field), or null when the error is about something else.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) {
    return null;
  }
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    if (isFieldError(detail) && errors[detail.field] === undefined) {
      errors[detail.field] = detail.message;
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
