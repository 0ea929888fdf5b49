import { z } from 'zod';
import { KudosValue } from '../../../../shared/domain/people-model';
import { saveDraft } from '../../api/use-draft';

/** What the kudos composer keeps while it is being written (SendKudosForm), per person signed in. */
export const KudosDraft = z.object({
  to: z.string(),
  value: KudosValue,
  message: z.string().max(1000),
  ticket: z.string().max(2000),
});
export type KudosDraft = z.infer<typeof KudosDraft>;

export const kudosDraftKey = (personId: string) => `${personId}.kudos`;

/** Prefills the composer (a reason for kudos from the team view): the person still reads, edits and sends it. */
export function prefillKudos(personId: string, draft: KudosDraft): void {
  saveDraft(kudosDraftKey(personId), KudosDraft.parse(draft));
}
