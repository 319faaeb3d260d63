import { BRAND_STATUSES } from './brand';
import {
  BRAND_EVENTS,
  BRAND_STATES,
  BRAND_TRANSITIONS,
  allowedBrandActions,
  brandStatusesAccepting,
  brandStatusesChangedBy,
  canBrand,
  nextBrand,
} from './brand-state';
import { everyCombination, expectTransitions } from './testing/transitions';

describe('brand review state machine', () => {
  it('allows exactly the steps BrandService takes, from every state', () => {
    expect(BRAND_STATES).toEqual(['NONE', ...BRAND_STATUSES]);
    expectTransitions(BRAND_STATES, BRAND_EVENTS, { next: nextBrand, can: canBrand }, `
      NONE save DRAFT
      DRAFT save DRAFT
      RETURNED save DRAFT
      APPROVED save DRAFT
      DRAFT submit SUBMITTED
      RETURNED submit SUBMITTED
      SUBMITTED approve APPROVED
      SUBMITTED return RETURNED
      NONE changePost NONE
      DRAFT changePost DRAFT
      RETURNED changePost DRAFT
      APPROVED changePost DRAFT
      NONE deletePost NONE
      DRAFT deletePost DRAFT
      RETURNED deletePost RETURNED
      APPROVED deletePost APPROVED
    `);
    expect(Object.keys(BRAND_TRANSITIONS).sort()).toEqual([...BRAND_STATES].sort());
  });

  it('lists stored statuses for compare-and-set updates', () => {
    expect(brandStatusesAccepting('submit')).toEqual(['DRAFT', 'RETURNED']);
    expect(brandStatusesAccepting('return')).toEqual(['SUBMITTED']);
    expect(brandStatusesAccepting('save')).toEqual(['DRAFT', 'RETURNED', 'APPROVED']);
    expect(brandStatusesChangedBy('changePost')).toEqual(['RETURNED', 'APPROVED']);
    expect(brandStatusesChangedBy('deletePost')).toEqual([]);
  });

  it('gives editing to managers and review to reviewers, per the table', () => {
    for (const state of BRAND_STATES) {
      for (const r of everyCombination(['isManager', 'isReviewer'] as const)) {
        expect({ state, ...r, ...allowedBrandActions(state, r) }).toEqual({
          state,
          ...r,
          canEdit: r.isManager && state !== 'SUBMITTED',
          canSubmit: r.isManager && (state === 'DRAFT' || state === 'RETURNED'),
          canApprove: r.isReviewer && state === 'SUBMITTED',
          canReturn: r.isReviewer && state === 'SUBMITTED',
        });
      }
    }
  });
});
