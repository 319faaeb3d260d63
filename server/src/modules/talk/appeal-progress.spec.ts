import { appealProgress } from './appeal-progress';

describe('appeal progress', () => {
  it('reads 已提交 while the registration waits for review, 待答复 once accepted, and never 已受理 before that', () => {
    expect(appealProgress('RECEIVED', 'PENDING')).toBe('SUBMITTED');
    expect(appealProgress('RECEIVED', 'CONFIRMED')).toBe('AWAITING_ANSWER');
    expect(appealProgress('RECEIVED', 'WAITLISTED')).toBe('AWAITING_ANSWER');
    expect(appealProgress('RECEIVED', 'REJECTED')).toBe('NOT_ACCEPTED');
    expect(appealProgress('RECEIVED', 'CANCELLED')).toBe('WITHDRAWN');
    expect(appealProgress('RECEIVED', null)).toBe('WITHDRAWN');
    expect(appealProgress('ANSWERED', 'PENDING')).toBe('ANSWERED');
    expect(appealProgress('FOLLOW_UP', 'CONFIRMED')).toBe('FOLLOW_UP');
  });
});
