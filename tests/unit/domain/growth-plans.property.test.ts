import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_SOON_DAYS,
  KudosValue,
  addDays,
  checkInStatus,
  checkInsToRemind,
  evidenceKey,
  metEvidence,
  nextCheckInAfterSave,
  nextCheckInProblem,
  planDraftProblems,
  planProgress,
  planVisibleTo,
  timelineEntryFor,
  type PlanEvidence,
  type PlanFacts,
  type PlanReader,
  type PlanSkill,
  type Visibility,
} from '../../../shared/domain';

const MISSIONS = ['m1', 'm2', 'm3'];
const CARDS = ['c1', 'c2'];
const MILESTONES = ['ms1', 'ms2'];
const VALUES = KudosValue.options.slice(0, 3);

const arbEvidence: fc.Arbitrary<PlanEvidence> = fc.oneof(
  fc.record({
    kind: fc.constant('mission' as const),
    missionId: fc.constantFrom(...MISSIONS),
    label: fc.constant('A mission'),
  }),
  fc.record({
    kind: fc.constant('coaching' as const),
    cardId: fc.constantFrom(...CARDS),
    label: fc.constant('A card'),
  }),
  fc.record({
    kind: fc.constant('kudos' as const),
    value: fc.constantFrom(...VALUES),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('certification' as const),
    name: fc.constantFrom('ITIL', 'Complaint handling'),
    milestoneId: fc.option(fc.constantFrom(...MILESTONES), { nil: null }),
  }),
);
const arbSkills: fc.Arbitrary<PlanSkill[]> = fc.array(
  fc.record({
    name: fc.constantFrom('Empathy', 'Coaching', 'Billing'),
    evidence: fc.array(arbEvidence, { maxLength: 6 }),
  }),
  { maxLength: 4 },
);
const arbFacts: fc.Arbitrary<PlanFacts> = fc.record({
  completedMissionIds: fc.subarray(MISSIONS),
  completedCardIds: fc.subarray(CARDS),
  kudosReceived: fc.array(
    fc.record({ id: fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6'), value: fc.constantFrom(...VALUES) }),
    { maxLength: 8 },
  ),
  careerMilestoneIds: fc.subarray(MILESTONES),
});
/** The same facts in another order, with repeats. */
const reshuffled = (facts: PlanFacts, seed: number): PlanFacts => {
  const mix = <T>(xs: readonly T[]) =>
    [...xs, ...xs.slice(0, seed % (xs.length + 1))].sort((a, b) =>
      (JSON.stringify(a) + seed).localeCompare(JSON.stringify(b) + (seed >> 1)),
    );
  // Kudos ids are unique per kudos: a repeat is the same kudos (the same value), never a new one.
  return {
    completedMissionIds: mix(facts.completedMissionIds),
    completedCardIds: mix(facts.completedCardIds),
    kudosReceived: mix(uniqueKudos(facts.kudosReceived)),
    careerMilestoneIds: mix(facts.careerMilestoneIds),
  };
};
const uniqueKudos = (ks: PlanFacts['kudosReceived']) => [...new Map(ks.map((k) => [k.id, k])).values()];
const withUniqueKudos = (f: PlanFacts): PlanFacts => ({ ...f, kudosReceived: uniqueKudos(f.kudosReceived) });

describe('growth plan progress from evidence', () => {
  it('does not depend on the order of the facts or on repeats', () => {
    fc.assert(
      fc.property(arbSkills, arbFacts, fc.nat(1000), (skills, raw, seed) => {
        const facts = withUniqueKudos(raw);
        expect(planProgress({ skills }, reshuffled(facts, seed))).toEqual(planProgress({ skills }, facts));
      }),
    );
  });

  it('is bounded (0 ≤ met ≤ total, ratio met/total) and counts a piece named twice in a skill once', () => {
    fc.assert(
      fc.property(arbSkills, arbFacts, (skills, raw) => {
        const p = planProgress({ skills }, withUniqueKudos(raw));
        expect(p.met).toBeLessThanOrEqual(p.total);
        expect(p.ratio).toBe(p.total === 0 ? 0 : p.met / p.total);
        for (const [i, s] of p.skills.entries()) {
          const keys = new Set(skills[i]!.evidence.map(evidenceKey));
          expect(s.total).toBe(keys.size);
          expect(s.evidence.map((e) => e.key)).toEqual([...keys]);
        }
        const doubled = skills.map((s) => ({ ...s, evidence: [...s.evidence, ...s.evidence] }));
        expect(planProgress({ skills: doubled }, withUniqueKudos(raw))).toEqual(p);
      }),
    );
  });

  it('only grows as evidence is added: more facts never un-meet a piece', () => {
    fc.assert(
      fc.property(arbSkills, arbFacts, arbFacts, (skills, a, b) => {
        const some = withUniqueKudos(a);
        const more = withUniqueKudos({
          completedMissionIds: [...a.completedMissionIds, ...b.completedMissionIds],
          completedCardIds: [...a.completedCardIds, ...b.completedCardIds],
          kudosReceived: [...a.kudosReceived, ...b.kudosReceived.map((k) => ({ ...k, id: `b-${k.id}` }))],
          careerMilestoneIds: [...a.careerMilestoneIds, ...b.careerMilestoneIds],
        });
        const before = metEvidence(planProgress({ skills }, some)).map((m) => `${m.skill}|${m.key}`);
        const after = new Set(metEvidence(planProgress({ skills }, more)).map((m) => `${m.skill}|${m.key}`));
        for (const k of before) expect(after.has(k)).toBe(true);
      }),
    );
  });

  it('meets each kind exactly when its record is there: the mission or card completed, the kudos counted, the milestone linked', () => {
    fc.assert(
      fc.property(arbEvidence, arbFacts, (e, raw) => {
        const facts = withUniqueKudos(raw);
        const [piece] = planProgress({ skills: [{ name: 'S', evidence: [e] }] }, facts).skills[0]!.evidence;
        const expected =
          e.kind === 'mission'
            ? facts.completedMissionIds.includes(e.missionId)
            : e.kind === 'coaching'
              ? facts.completedCardIds.includes(e.cardId)
              : e.kind === 'kudos'
                ? facts.kudosReceived.filter((k) => k.value === e.value).length >= e.count
                : e.milestoneId !== null && facts.careerMilestoneIds.includes(e.milestoneId);
        expect(piece?.met).toBe(expected);
      }),
    );
  });

  it("does not depend on the order of a skill's evidence (an unlinked and a linked certification of one name are two pieces)", () => {
    fc.assert(
      fc.property(arbSkills, arbFacts, fc.nat(1000), (skills, raw, seed) => {
        const facts = withUniqueKudos(raw);
        const metKeys = (s: PlanSkill[]) =>
          planProgress({ skills: s }, facts)
            .skills.map((k) => k.evidence.map((e) => `${e.key}=${e.met}`).sort())
            .map((k) => k.join(','));
        const turn = <T>(xs: readonly T[]) => {
          const r = [...xs].reverse();
          const at = r.length ? seed % r.length : 0;
          return [...r.slice(at), ...r.slice(0, at)];
        };
        const turned = skills.map((k) => ({ ...k, evidence: turn(k.evidence) }));
        expect(metKeys(turned)).toEqual(metKeys(skills));
      }),
    );
    const linked = { kind: 'certification' as const, name: 'Complaint handling', milestoneId: 'ms1' };
    const unlinked = { ...linked, milestoneId: null };
    const facts: PlanFacts = {
      completedMissionIds: [],
      completedCardIds: [],
      kudosReceived: [],
      careerMilestoneIds: ['ms1'],
    };
    for (const evidence of [
      [unlinked, linked],
      [linked, unlinked],
    ])
      expect(planProgress({ skills: [{ name: 'S', evidence }] }, facts).skills[0]!.met).toBe(1);
  });

  it('puts each piece on the timeline under one id, whatever the counts when it was met', () => {
    fc.assert(
      fc.property(arbEvidence, fc.nat(10), fc.nat(10), (e, met, total) => {
        const source = (m: number, t: number, at: string) =>
          timelineEntryFor({
            kind: 'plan_progress',
            agentId: 'a1',
            skill: 'De-escalation',
            key: evidenceKey(e),
            label: 'x',
            goal: 'Team lead',
            met: m,
            total: t,
            at,
          });
        const first = source(met, total, '2026-03-11T09:00:00Z');
        expect(source(total, met, '2026-04-01T09:00:00Z').id).toBe(first.id);
        expect(first.points).toBe(0);
      }),
    );
  });
});

describe('who may see a plan (the 3 Ps visibility rules)', () => {
  const READERS: PlanReader[] = ['self', 'supervisor', 'teammate', 'other'];
  const VISIBILITY: Visibility[] = ['me', 'supervisor', 'team'];
  it('the owner always; nobody outside the team ever; "me" nobody else; wider visibility never hides from anyone', () => {
    for (const v of VISIBILITY) {
      expect(planVisibleTo(v, 'self')).toBe(true);
      expect(planVisibleTo(v, 'other')).toBe(false);
    }
    for (const r of READERS.filter((x) => x !== 'self')) expect(planVisibleTo('me', r)).toBe(false);
    for (const r of READERS)
      for (const [narrow, wide] of [
        ['me', 'supervisor'],
        ['supervisor', 'team'],
      ] as const)
        if (planVisibleTo(narrow, r)) expect(planVisibleTo(wide, r)).toBe(true);
    expect(planVisibleTo('supervisor', 'supervisor')).toBe(true);
    expect(planVisibleTo('supervisor', 'teammate')).toBe(false);
    expect(planVisibleTo('team', 'teammate')).toBe(true);
  });
});

describe('check-ins', () => {
  const arbDate = fc.integer({ min: 0, max: 3000 }).map((d) => addDays('2025-01-01', d));
  it('a date before today is overdue, today due, within a few days soon, later after; none without a date', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -30, max: 30 }), (today, offset) => {
        const status = checkInStatus(addDays(today, offset), today);
        const expected =
          offset < 0 ? 'overdue' : offset === 0 ? 'due' : offset <= CHECK_IN_SOON_DAYS ? 'soon' : 'later';
        expect(status).toBe(expected);
        expect(checkInStatus(null, today)).toBe('none');
      }),
    );
  });

  it('a next check-in may be agreed for today or later, never for a day already past', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -30, max: 30 }), (today, offset) => {
        expect(nextCheckInProblem(addDays(today, offset), today) === null).toBe(offset >= 0);
        expect(nextCheckInProblem(null, today)).toBeNull();
      }),
    );
  });

  it('reminds of overdue, due and soon ones only, most urgent first, whatever order the plans come in', () => {
    const arbPlans = fc.uniqueArray(
      fc.record({
        agentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
        nextCheckIn: fc.option(
          fc.integer({ min: -10, max: 10 }).map((d) => addDays('2026-03-11', d)),
          {
            nil: null,
          },
        ),
      }),
      { selector: (p) => p.agentId, maxLength: 6 },
    );
    fc.assert(
      fc.property(arbPlans, fc.nat(), (plans, seed) => {
        const today = () => '2026-03-11';
        const reminded = checkInsToRemind(plans, today);
        const rotated = [
          ...plans.slice(seed % (plans.length || 1)),
          ...plans.slice(0, seed % (plans.length || 1)),
        ];
        expect(checkInsToRemind([...rotated].reverse(), today)).toEqual(reminded);
        expect(reminded.map((r) => r.agentId).sort()).toEqual(
          plans
            .filter((p) => ['overdue', 'due', 'soon'].includes(checkInStatus(p.nextCheckIn, today())))
            .map((p) => p.agentId)
            .sort(),
        );
        for (let i = 1; i < reminded.length; i++)
          expect((reminded[i - 1]!.nextCheckIn ?? '') <= (reminded[i]!.nextCheckIn ?? '')).toBe(true);
      }),
    );
  });
});

describe('plan drafts', () => {
  it('a skill named twice (any case, any spaces around) is a problem at the second one', () => {
    const base = {
      goal: { kind: 'role_here' as const, text: 'Lead' },
      visibility: 'me' as const,
      nextCheckIn: null,
    };
    expect(planDraftProblems({ ...base, skills: [{ name: 'Empathy', evidence: [] }] })).toEqual([]);
    expect(
      planDraftProblems({
        ...base,
        skills: [
          { name: 'Empathy', evidence: [] },
          { name: 'Billing', evidence: [] },
          { name: ' EMPATHY', evidence: [] },
        ],
      }).map((p) => p.path),
    ).toEqual(['skills.2.name']);
  });
});

describe('nextCheckInAfterSave', () => {
  const arbDate = fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d));
  const arbInstant = fc
    .integer({ min: 0, max: 400 * 86_400 })
    .map((s) => new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString());
  const arbPrevious = fc.record({
    nextCheckIn: fc.option(arbDate, { nil: null }),
    lastCheckIn: fc.option(
      arbInstant.map((at) => ({ at, byName: 'Sam', note: '' })),
      { nil: null },
    ),
  });

  it('a check-in the save did not see keeps its date; one it saw (or none) lets the agent’s date stand', () => {
    fc.assert(
      fc.property(
        arbPrevious,
        fc.option(arbDate, { nil: null }),
        fc.option(arbInstant, { nil: null }),
        (previous, next, seen) => {
          const kept = nextCheckInAfterSave(previous, { nextCheckIn: next }, seen);
          const unseen =
            previous.lastCheckIn !== null &&
            (seen === null || Date.parse(seen) !== Date.parse(previous.lastCheckIn.at));
          expect(kept).toBe(unseen ? previous.nextCheckIn : next);
          // The same instant written with another offset is the same check-in.
          if (previous.lastCheckIn) {
            const sameInOtherZone = new Date(previous.lastCheckIn.at).toISOString().replace('Z', '+00:00');
            expect(nextCheckInAfterSave(previous, { nextCheckIn: next }, sameInOtherZone)).toBe(next);
          }
        },
      ),
    );
  });

  it('a first plan, or a client that does not say what it saw, keeps the agent’s date', () => {
    fc.assert(
      fc.property(arbPrevious, fc.option(arbDate, { nil: null }), (previous, next) => {
        expect(nextCheckInAfterSave(null, { nextCheckIn: next }, null)).toBe(next);
        expect(nextCheckInAfterSave(previous, { nextCheckIn: next }, undefined)).toBe(next);
      }),
    );
  });
});
