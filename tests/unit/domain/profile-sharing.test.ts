import { describe, expect, it } from 'vitest';
import { profileSharedWithSupervisor, type Profile } from '../../../shared/domain';

const profile: Profile = {
  purposeWhy: { text: 'I like untangling problems for people', visibility: 'supervisor' },
  purposeWhere: { text: 'Team lead within two years', visibility: 'me' },
  passions: { text: 'Climbing, sourdough', visibility: 'team' },
  strengths: { text: '   ', visibility: 'team' },
  skillsToGrow: { text: 'Writing knowledge-base articles', visibility: 'supervisor' },
};

describe('profileSharedWithSupervisor', () => {
  it('shares only filled fields marked supervisor or team, each with a one-on-one prompt by first name', () => {
    const shared = profileSharedWithSupervisor('Ana Silva', profile);
    expect(shared.map((f) => f.field)).toEqual(['purposeWhy', 'passions', 'skillsToGrow']);
    expect(shared[1]).toEqual({
      field: 'passions',
      text: 'Climbing, sourdough',
      visibility: 'team',
      prompt: 'Open with what Ana loves outside work.',
    });
  });

  it('never lets a field kept to "me" through, whatever it says', () => {
    const allPrivate = Object.fromEntries(
      Object.entries(profile).map(([k, f]) => [k, { ...f, visibility: 'me' }]),
    ) as Profile;
    expect(profileSharedWithSupervisor('Ana Silva', allPrivate)).toEqual([]);
    expect(JSON.stringify(profileSharedWithSupervisor('Ana Silva', profile))).not.toContain(
      'Team lead within two years',
    );
  });
});
