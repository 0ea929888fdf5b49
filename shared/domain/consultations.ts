import type { Idea } from './people-model';
import type {
  ConsultationAnswer,
  ConsultationPhase,
  ConsultationResults,
  ConsultationTally,
  StoredConsultation,
  YouSaidWeDidEntry,
} from './consultation-model';

/**
 * Below this many answers an anonymous consultation shows no counts or texts to anyone: with one or two
 * answers in a small team, "who said what" is a guess away.
 */
export const ANONYMOUS_MIN_ANSWERS = 3;
export const CONSULTATION_MIN_OPTIONS = 2;
export const CONSULTATION_MAX_OPTIONS = 8;

/** Open until its closing date; then waiting for the supervisor's decision; decided once the loop is closed. */
export function consultationPhase(c: Pick<StoredConsultation, 'closesAt' | 'decision'>, now: string) {
  const phase: ConsultationPhase =
    c.decision !== null ? 'decided' : Date.parse(now) < Date.parse(c.closesAt) ? 'open' : 'awaiting_decision';
  return phase;
}

/** Why an answer cannot be taken, as a sentence for the agent; null when it can. */
export function answerProblem(
  c: Pick<StoredConsultation, 'kind' | 'options' | 'closesAt' | 'decision'>,
  answer: ConsultationAnswer,
  now: string,
  alreadyAnswered: boolean,
): string | null {
  const phase = consultationPhase(c, now);
  if (phase === 'decided') return 'This question is already decided.';
  if (phase === 'awaiting_decision') return 'This question closed; your supervisor is deciding now.';
  if (alreadyAnswered) return 'You already answered this question.';
  if (c.kind === 'options') {
    if (answer.optionId === null) return 'Pick one of the options.';
    if (!c.options.some((o) => o.id === answer.optionId)) return 'That option is not one of this question’s.';
    return null;
  }
  if (answer.optionId !== null) return 'This question takes a written answer, not an option.';
  if (answer.text.trim() === '') return 'Write your answer.';
  return null;
}

/** Where a consultation's questions may close: after now, and within 90 days. */
export function closingDateProblem(closesAt: string, now: string): string | null {
  const closes = Date.parse(closesAt);
  const at = Date.parse(now);
  if (closes <= at) return 'The closing date must be in the future.';
  if (closes - at > 90 * 86_400_000) return 'Close the question within 90 days.';
  return null;
}

export const emptyTally = (): ConsultationTally => ({ answers: 0, counts: {}, texts: [] });

/** Inserts `text` keeping `texts` sorted, so the tally is the same whatever order answers came in. */
function insertSorted(texts: readonly string[], text: string): string[] {
  const next = [...texts];
  let lo = 0;
  let hi = next.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (next[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  next.splice(lo, 0, text);
  return next;
}

/**
 * Folds one answer into the tally. Commutative: any order of the same answers gives the same tally, so a stored
 * tally holds nothing that tells answers apart by arrival.
 */
export function addToTally(tally: ConsultationTally, answer: ConsultationAnswer): ConsultationTally {
  const counts = { ...tally.counts };
  if (answer.optionId !== null) counts[answer.optionId] = (counts[answer.optionId] ?? 0) + 1;
  const text = answer.text.trim();
  return {
    answers: tally.answers + 1,
    counts,
    texts: text === '' ? [...tally.texts] : insertSorted(tally.texts, text),
  };
}

/** The results people may see from a tally: withheld while an anonymous question has too few answers. */
export function resultsOf(
  c: Pick<StoredConsultation, 'anonymous' | 'options'>,
  tally: ConsultationTally,
): ConsultationResults {
  const withheld = c.anonymous && tally.answers < ANONYMOUS_MIN_ANSWERS;
  return {
    answers: tally.answers,
    withheld,
    options: c.options.map((o) => ({
      id: o.id,
      label: o.label,
      count: withheld ? 0 : (tally.counts[o.id] ?? 0),
    })),
    texts: withheld ? [] : [...tally.texts],
  };
}

const IDEA_OUTCOMES = { planned: 'Planned', done: 'Done', declined: 'Declined' } as const;

/**
 * The one "you said, we did" history: ideas that were answered with planned, done or declined, and
 * consultations whose loop was closed, newest first. Order- and duplicate-independent (ties by id).
 */
export function youSaidWeDid(
  ideas: readonly Idea[],
  consultations: readonly Pick<StoredConsultation, 'id' | 'question' | 'decision'>[],
): YouSaidWeDidEntry[] {
  const byKey = new Map<string, YouSaidWeDidEntry>();
  for (const idea of ideas) {
    if (idea.status !== 'planned' && idea.status !== 'done' && idea.status !== 'declined') continue;
    const entry: YouSaidWeDidEntry = {
      kind: 'idea',
      id: idea.id,
      said: idea.title,
      did: idea.response?.trim() || IDEA_OUTCOMES[idea.status],
      why: null,
      outcome: idea.status,
      at: idea.updatedAt,
    };
    keepNewest(byKey, `idea:${idea.id}`, entry);
  }
  for (const c of consultations) {
    if (!c.decision) continue;
    const entry: YouSaidWeDidEntry = {
      kind: 'consultation',
      id: c.id,
      said: c.question,
      did: c.decision.decided,
      why: c.decision.why,
      outcome: 'decided',
      at: c.decision.at,
    };
    keepNewest(byKey, `consultation:${c.id}`, entry);
  }
  return [...byKey.values()].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || compare(a.kind, b.kind) || compare(a.id, b.id),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Two versions of the same item: the later one wins (ties broken by content, so order never matters). */
function keepNewest(map: Map<string, YouSaidWeDidEntry>, key: string, entry: YouSaidWeDidEntry) {
  const seen = map.get(key);
  if (!seen) return void map.set(key, entry);
  const diff = Date.parse(entry.at) - Date.parse(seen.at);
  if (diff > 0 || (diff === 0 && JSON.stringify(entry) > JSON.stringify(seen))) map.set(key, entry);
}

/** Consultations past their closing date and not yet decided: the supervisor owes the team an answer. */
export function consultationsAwaitingDecision<C extends Pick<StoredConsultation, 'closesAt' | 'decision'>>(
  consultations: readonly C[],
  now: string,
): C[] {
  return consultations.filter((c) => consultationPhase(c, now) === 'awaiting_decision');
}
