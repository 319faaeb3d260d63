import { BRAND_STATUSES, type BrandStatus } from './brand';
import { nextState, statesAccepting, statesChangedBy, type TransitionTable } from './state-machine';

/**
 * Review of an organisation's 党建品牌 (the secretary's working copy) as a transition table. 'NONE' is an
 * organisation that has not saved a brand yet (it may already have posts).
 *
 * - a manager of the organisation (its secretary, a committee above it, an admin): save, submit, and the
 *   pioneer posts (changePost = create or edit one, deletePost);
 * - a reviewer (committee staff of an industry committee above it, or an admin): approve, return.
 * Nothing changes while the brand is in review. Saving, or changing a post, after approval or a return makes
 * it a draft that goes through review again; deleting a post leaves the status as it is.
 */
export type BrandState = 'NONE' | BrandStatus;
export const BRAND_STATES: readonly BrandState[] = ['NONE', ...BRAND_STATUSES];

export const BRAND_EVENTS = ['save', 'submit', 'approve', 'return', 'changePost', 'deletePost'] as const;
export type BrandEvent = (typeof BRAND_EVENTS)[number];

export const BRAND_TRANSITIONS: TransitionTable<BrandState, BrandEvent> = {
  NONE: { save: 'DRAFT', changePost: 'NONE', deletePost: 'NONE' },
  DRAFT: { save: 'DRAFT', submit: 'SUBMITTED', changePost: 'DRAFT', deletePost: 'DRAFT' },
  SUBMITTED: { approve: 'APPROVED', return: 'RETURNED' },
  RETURNED: { save: 'DRAFT', submit: 'SUBMITTED', changePost: 'DRAFT', deletePost: 'RETURNED' },
  APPROVED: { save: 'DRAFT', changePost: 'DRAFT', deletePost: 'APPROVED' },
};

export function canBrand(state: BrandState, event: BrandEvent): boolean {
  return nextState(BRAND_TRANSITIONS, state, event) !== null;
}

export function nextBrand(state: BrandState, event: BrandEvent): BrandState | null {
  return nextState(BRAND_TRANSITIONS, state, event);
}

/** Stored statuses from which `event` is allowed (for a compare-and-set UPDATE). */
export function brandStatusesAccepting(event: BrandEvent): BrandStatus[] {
  return statesAccepting(BRAND_TRANSITIONS, event).filter((s): s is BrandStatus => s !== 'NONE');
}

/** Stored statuses that `event` really changes. */
export function brandStatusesChangedBy(event: BrandEvent): BrandStatus[] {
  return statesChangedBy(BRAND_TRANSITIONS, event).filter((s): s is BrandStatus => s !== 'NONE');
}

export interface BrandRelation {
  /** May manage the organisation (its secretary, a committee above it, an admin). */
  isManager: boolean;
  /** May review its brand (committee staff of an industry committee above it, or an admin). */
  isReviewer: boolean;
}

export interface BrandActions {
  /** Save the working copy or change its pioneer posts. */
  canEdit: boolean;
  canSubmit: boolean;
  canApprove: boolean;
  canReturn: boolean;
}

export function allowedBrandActions(state: BrandState, relation: BrandRelation): BrandActions {
  return {
    canEdit: relation.isManager && canBrand(state, 'save'),
    canSubmit: relation.isManager && canBrand(state, 'submit'),
    canApprove: relation.isReviewer && canBrand(state, 'approve'),
    canReturn: relation.isReviewer && canBrand(state, 'return'),
  };
}
