export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** GET /api/health/live: the process answers HTTP (liveness; the database is not consulted). */
export interface LivenessResponse {
  status: 'ok';
}

export interface HealthResponse {
  status: 'ok' | 'error';
  db: 'up' | 'down';
}

export interface AuditLogResponse {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface AuditLogQuery extends PageQuery {
  entityType?: string;
  entityId?: string;
  /** The person who acted. */
  actorId?: string;
  /** One action exactly (`role.grant`), or every action of a kind when it ends with a dot (`talk.`). */
  action?: string;
  /** First day (China time, YYYY-MM-DD), inclusive. */
  from?: string;
  /** Last day (China time, YYYY-MM-DD), inclusive. */
  to?: string;
}

export const LIMITS = {
  nameMaxLength: 100,
  textMaxLength: 5000,
  pageSizeDefault: 20,
  pageSizeMax: 100,
} as const;

export const API_PREFIX = '/api';
