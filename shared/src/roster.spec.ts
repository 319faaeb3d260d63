import { PARTY_POSTS, roleForPartyPost } from './roster';

describe('roleForPartyPost', () => {
  it('grants SECRETARY to the 书记 of an enterprise Party organisation, COMMITTEE to the 书记 of an industry committee', () => {
    expect(roleForPartyPost('SECRETARY', 'BRANCH')).toBe('SECRETARY');
    expect(roleForPartyPost('SECRETARY', 'PARTY_COMMITTEE')).toBe('SECRETARY');
    expect(roleForPartyPost('SECRETARY', 'INDUSTRY_COMMITTEE')).toBe('COMMITTEE');
    expect(roleForPartyPost('SECRETARY', 'WORKING_COMMITTEE')).toBeNull();
  });

  it('grants nothing for every other post', () => {
    for (const post of PARTY_POSTS.filter((p) => p !== 'SECRETARY')) expect(roleForPartyPost(post, 'BRANCH')).toBeNull();
    expect(roleForPartyPost(null, 'BRANCH')).toBeNull();
  });
});
