import { PROFILE_FIELDS, type Profile, type Visibility } from './people-model';

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface SharedProfileField {
  field: ProfileField;
  text: string;
  visibility: Visibility;
  /** A one-on-one prompt for the supervisor built from what was shared. */
  prompt: string;
}

const PROMPTS: Record<ProfileField, (firstName: string) => string> = {
  purposeWhy: (n) => `Ask ${n} what keeps them going in this job.`,
  purposeWhere: (n) => `Talk with ${n} about where they want to go next and one step towards it.`,
  passions: (n) => `Open with what ${n} loves outside work.`,
  strengths: (n) => `Tell ${n} where you saw this strength lately.`,
  skillsToGrow: (n) => `Agree with ${n} on one way to practise this skill this month.`,
};

/**
 * What a supervisor sees of an agent's 3 Ps: only the fields the agent marked "supervisor" or "team", and
 * only when filled in. A field kept to "me" never leaves this function, whatever it says.
 */
export function profileSharedWithSupervisor(name: string, profile: Profile): SharedProfileField[] {
  const firstName = name.trim().split(/\s+/)[0] || name;
  return PROFILE_FIELDS.flatMap((field) => {
    const f = profile[field];
    if (f.visibility === 'me' || f.text.trim() === '') return [];
    return [{ field, text: f.text, visibility: f.visibility, prompt: PROMPTS[field](firstName) }];
  });
}
