import { ERROR_MESSAGES, type ErrorCode } from '@torch-red/shared';

/** The one error type services throw; the filter turns it into `{ statusCode, code, message, details? }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
  }
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'BAD_JSON':
    case 'BAD_REQUEST':
    case 'BAD_MULTIPART':
    case 'FORM_ANSWER_INVALID':
      return 400;
    case 'UNAUTHENTICATED':
    case 'TOKEN_INVALID':
    case 'TOKEN_EXPIRED':
    case 'SESSION_REVOKED':
    case 'INVALID_CREDENTIALS':
    case 'WECHAT_CODE_INVALID':
      return 401;
    case 'FORBIDDEN':
    case 'ACCOUNT_DISABLED':
    case 'WECHAT_USER_BLOCKED':
      return 403;
    case 'NOT_FOUND':
    case 'ROUTE_NOT_FOUND':
    case 'DEV_LOGIN_DISABLED':
      return 404;
    case 'REQUEST_TIMEOUT':
      return 408;
    case 'CONFLICT':
    case 'NAME_TAKEN':
    case 'ORG_HAS_CHILDREN':
    case 'ORG_NOT_EMPTY':
    case 'ORG_CLOSED':
    case 'ACTIVITY_STATE_INVALID':
    case 'ACTIVITY_NOT_PUBLISHED':
    case 'SIGNUP_NOT_OPEN':
    case 'SIGNUP_CLOSED':
    case 'ACTIVITY_FULL':
    case 'CANCEL_DEADLINE_PASSED':
    case 'REGISTRATION_STATE_INVALID':
    case 'CAPACITY_BELOW_CONFIRMED':
    case 'FORM_FIELDS_LOCKED':
    case 'CHECKIN_NOT_OPEN':
    case 'BRAND_STATE_INVALID':
    case 'STUDY_SESSION_ENDED':
    case 'STUDY_NO_QUESTIONS':
    case 'DAILY_QUIZ_DONE':
    case 'PAPER_TIME_UP':
    case 'PAPER_ATTEMPTS_EXHAUSTED':
    case 'NEED_STATE_INVALID':
    case 'PHONE_TAKEN':
    case 'BINDING_CONFLICT':
    case 'ALREADY_IN_ORG':
    case 'ONBOARDING_STATE_INVALID':
    case 'MEETING_ARCHIVED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
    case 'IMAGE_TOO_LARGE':
      return 413;
    case 'URI_TOO_LONG':
      return 414;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'ORG_HIERARCHY_INVALID':
    case 'IMAGE_INVALID':
    case 'ORG_CYCLE':
    case 'CHAIN_MISMATCH':
    case 'ROLE_SCOPE_INVALID':
    case 'CHECKIN_CODE_INVALID':
    case 'QUIZ_ANSWER_INVALID':
    case 'STUDY_IMPORT_INVALID':
    case 'ROSTER_IMPORT_INVALID':
    case 'NEED_MERGE_INVALID':
    case 'NEED_NO_ENTERPRISE':
    case 'WECHAT_PHONE_CODE_INVALID':
    case 'BINDING_CODE_INVALID':
    case 'JOIN_CODE_INVALID':
    case 'MEETING_INCOMPLETE':
    case 'MEETING_ATTENDEE_INVALID':
    case 'MEETING_ACTIVITY_INVALID':
      return 422;
    case 'RATE_LIMITED':
    case 'WECHAT_RATE_LIMITED':
      return 429;
    case 'HEADERS_TOO_LARGE':
      return 431;
    case 'INTERNAL':
      return 500;
    case 'DB_UNAVAILABLE':
    case 'WECHAT_UNAVAILABLE':
      return 503;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
