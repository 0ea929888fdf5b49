import { useState, type FormEvent } from 'react';
import { DEFAULT_DAILY_GOAL, DEFAULT_SCHEDULE, type TeamRecord } from '../../../../shared/api/admin';
import type { WeeklySchedule } from '../../../../shared/domain/streak-model';
import { useApi } from '../../api/api-context';
import { Outcome, Problem, useAdminAction } from './use-admin-action';

const DAYS = [
  ['1', 'Monday'],
  ['2', 'Tuesday'],
  ['3', 'Wednesday'],
  ['4', 'Thursday'],
  ['5', 'Friday'],
  ['6', 'Saturday'],
  ['7', 'Sunday'],
] as const;
type Day = (typeof DAYS)[number][0];

/**
 * A team's name, time zone, weekly schedule (which days count for streaks, and the shift's hours: an end before
 * the start is a night shift) and daily goal. Without `team` it makes a new one.
 */
export function TeamEditor({ team, onSaved }: { team?: TeamRecord; onSaved: () => void }) {
  const api = useApi();
  const [name, setName] = useState(team?.name ?? '');
  const [timezone, setTimezone] = useState(team?.timezone ?? 'Europe/Warsaw');
  const [schedule, setSchedule] = useState<WeeklySchedule>(team?.schedule ?? DEFAULT_SCHEDULE);
  const goal = team?.dailyGoal ?? DEFAULT_DAILY_GOAL;
  const [minSatisfied, setMinSatisfied] = useState(String(goal.minSatisfied));
  const [minSolved, setMinSolved] = useState(String(goal.minSolved));
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, outcome, run } = useAdminAction();
  const label = team ? team.name : 'the new team';

  const setDay = (day: Day, on: boolean) =>
    setSchedule((s) => {
      const next = { ...s };
      if (on) next[day] = s[day] ?? { start: '09:00', end: '17:00' };
      else delete next[day];
      return next;
    });
  const setHours = (day: Day, field: 'start' | 'end', value: string) =>
    setSchedule((s) => {
      const shift = s[day];
      return shift ? { ...s, [day]: { ...shift, [field]: value } } : s;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const satisfied = Number(minSatisfied);
    const solved = Number(minSolved);
    if (!name.trim()) return setProblem('Give the team a name.');
    if (![satisfied, solved].every((n) => Number.isInteger(n) && n >= 0))
      return setProblem('The daily goal counts whole tickets: 0 or more.');
    setProblem(null);
    const fields = {
      name: name.trim(),
      timezone: timezone.trim(),
      schedule,
      dailyGoal: { ...goal, minSatisfied: satisfied, minSolved: solved },
    };
    const saved = await run(
      'save',
      () => (team ? api.adminUpdateTeam({ id: team.id, change: fields }) : api.adminCreateTeam(fields)),
      (t) => (team ? `Saved ${t.name}.` : `Added ${t.name}.`),
    );
    if (saved) {
      if (!team) setName('');
      onSaved();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={team ? `Edit ${team.name}` : 'Add a team'}>
      <label>
        Team name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      <label>
        Time zone
        <input value={timezone} onChange={(e) => setTimezone(e.target.value)} placeholder="Europe/Warsaw" />
      </label>
      <fieldset>
        <legend>Schedule</legend>
        {DAYS.map(([day, dayName]) => {
          const shift = schedule[day];
          return (
            <div key={day} className="admin-day">
              <label className="check">
                <input
                  type="checkbox"
                  checked={shift !== undefined}
                  onChange={(e) => setDay(day, e.target.checked)}
                />
                {dayName}
              </label>
              {shift && (
                <>
                  <label>
                    <span className="sr-only">{dayName} starts</span>
                    <input
                      type="time"
                      value={shift.start}
                      onChange={(e) => setHours(day, 'start', e.target.value)}
                    />
                  </label>
                  <span aria-hidden="true">–</span>
                  <label>
                    <span className="sr-only">{dayName} ends</span>
                    <input
                      type="time"
                      value={shift.end}
                      onChange={(e) => setHours(day, 'end', e.target.value)}
                    />
                  </label>
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Daily goal</legend>
        <div className="row">
          <label>
            Satisfied customers
            <input
              type="number"
              min={0}
              inputMode="numeric"
              value={minSatisfied}
              onChange={(e) => setMinSatisfied(e.target.value)}
            />
          </label>
          <label>
            Tickets solved
            <input
              type="number"
              min={0}
              inputMode="numeric"
              value={minSolved}
              onChange={(e) => setMinSolved(e.target.value)}
            />
          </label>
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={busy !== null}>
        {busy ? 'Saving…' : team ? 'Save' : 'Add the team'}
        <span className="sr-only"> {label}</span>
      </button>
      <Problem problem={problem} />
      <Outcome outcome={outcome} />
    </form>
  );
}
