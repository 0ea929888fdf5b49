import { useEffect, useId, useState, type ReactNode } from 'react';
import type { HostCapabilities, Settings } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { clearAllDrafts } from '../../api/use-draft';
import { errorMessage } from '../../api/error-message';
import { Section } from '../../components/Section';
import { parsePopupsPerHour, POPUPS_PER_HOUR } from './popups-per-hour';
import { BoardOptIn } from './BoardOptIn';

type OptOut = keyof Settings['optOut'];
/** Each game mechanic as what it does when ticked, and a sentence for each state. */
const MECHANICS: { key: OptOut; label: string; on: string; off: string }[] = [
  {
    key: 'streaks',
    label: 'Streaks',
    on: 'Shown: your streak and its milestones are on Today.',
    off: 'Hidden. Your days still count; turn it back on any time.',
  },
  {
    key: 'celebrations',
    label: 'Celebrations',
    on: 'On: a short celebration when you complete a mission, beat a best or reach a level.',
    off: 'Off: no celebrations; each moment is still on your timeline.',
  },
  {
    key: 'growthPoints',
    label: 'Growth points and levels',
    on: 'Shown on your timeline.',
    off: 'Hidden. Your portfolio stays as it is.',
  },
  {
    key: 'popups',
    label: 'Pop-ups',
    on: 'On: new kudos and moments pop up, within the limits above.',
    off: 'Off: nothing pops up; everything still lands in your inbox and timeline.',
  },
  {
    key: 'weeklyRecap',
    label: 'Weekly recap',
    on: 'On: your week in review at the start of your first shift, within the limits above.',
    off: 'Off: no recap card or pop-up. Nothing is lost; turn it back on any time.',
  },
];

/** "18:00" as this browser writes times (its time fields show "6:00 PM" in some locales). */
const clock = (wall: string) => {
  const [h, m] = wall.split(':').map(Number);
  return new Date(2000, 0, 1, h ?? 0, m ?? 0).toLocaleTimeString(undefined, {
    hour: 'numeric',
    minute: '2-digit',
  });
};

/** A checkbox whose label names the setting and whose description says what its current state does. */
function Toggle(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describe: ReactNode;
}) {
  const id = useId();
  return (
    <div className="toggle">
      <label className="check">
        <input
          type="checkbox"
          checked={props.checked}
          aria-describedby={id}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span className="toggle-label">{props.label}</span>
      </label>
      <p id={id} className="meta toggle-state">
        {props.describe}
      </p>
    </div>
  );
}

/** The pop-ups-an-hour field: checked as typed, saved on Enter or leaving the field, never turned into 0. */
function PopupsPerHour({ value, update }: { value: number; update: (n: number) => void }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const helpId = useId();
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const parsed = parsePopupsPerHour(text);
    if (!parsed.ok) return setError(parsed.message);
    setError(null);
    if (parsed.value !== value) update(parsed.value);
  };
  return (
    <div className="popups-per-hour">
      <label className="inline">
        Pop-ups an hour
        <input
          type="number"
          inputMode="numeric"
          min={POPUPS_PER_HOUR.min}
          max={POPUPS_PER_HOUR.max}
          value={text}
          className="narrow"
          aria-invalid={error !== null}
          aria-describedby={error ? `${errorId} ${helpId}` : helpId}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parsePopupsPerHour(e.target.value);
            if (parsed.ok) setError(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      </label>
      {error && (
        <p id={errorId} className="feedback error" role="alert">
          {error}
        </p>
      )}
      <p id={helpId} className="meta">
        At most {value} pop-up{value === 1 ? '' : 's'} an hour; the rest wait for one digest.
      </p>
    </div>
  );
}

/** What the host can do, asked once; unknown counts as "cannot", so nothing is offered that would not work. */
function useHostCapabilities(): HostCapabilities {
  const api = useApi();
  const [capabilities, setCapabilities] = useState<HostCapabilities>({ startAtLogin: false });
  useEffect(() => {
    let live = true;
    api.getHostCapabilities().then(
      (c) => live && setCapabilities(c),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return capabilities;
}

/** Notifications budget, focus mode, quiet hours, and a one-click opt-out of every game mechanic. */
export function SettingsView({
  settings,
  update,
  personName,
  showBoard = false,
}: {
  settings: Settings | null;
  update: (patch: Partial<Settings>) => Promise<void>;
  personName: string;
  /** Agents choose whether to be on the most-improved board (supervisors are never ranked). */
  showBoard?: boolean;
}) {
  const api = useApi();
  const capabilities = useHostCapabilities();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  if (!settings) return <p aria-busy="true">Loading settings…</p>;
  const quiet = settings.quietHours;
  const perHour = `at most ${settings.maxPopupsPerHour} an hour`;
  return (
    <>
      <Section title="Notifications">
        <div className="form">
          <Toggle
            label="Focus mode"
            checked={settings.focusMode}
            onChange={(focusMode) => void update({ focusMode })}
            describe={
              settings.focusMode
                ? 'On: pop-ups wait. Turn it off and they come as one digest.'
                : `Off: pop-ups arrive as they happen, ${perHour}.`
            }
          />
          <Toggle
            label="Quiet hours"
            checked={quiet.enabled}
            onChange={(enabled) => void update({ quietHours: { ...quiet, enabled } })}
            describe={
              quiet.enabled
                ? `On: from ${clock(quiet.start)} to ${clock(quiet.end)} pop-ups wait for a digest.`
                : 'Off: pop-ups may arrive at any hour.'
            }
          />
          <div className="row quiet-times">
            <label className="inline">
              From{' '}
              <input
                type="time"
                value={quiet.start}
                disabled={!quiet.enabled}
                onChange={(e) =>
                  e.target.value && void update({ quietHours: { ...quiet, start: e.target.value } })
                }
              />
            </label>
            <label className="inline">
              to{' '}
              <input
                type="time"
                value={quiet.end}
                disabled={!quiet.enabled}
                onChange={(e) =>
                  e.target.value && void update({ quietHours: { ...quiet, end: e.target.value } })
                }
              />
            </label>
          </div>
          <PopupsPerHour
            value={settings.maxPopupsPerHour}
            update={(maxPopupsPerHour) => void update({ maxPopupsPerHour })}
          />
        </div>
      </Section>
      <Section title="Game mechanics">
        <p className="muted">Every part is optional. Turning one off hides it; nothing you earned is lost.</p>
        <div className="form">
          {MECHANICS.map(({ key, label, on, off }) => (
            <Toggle
              key={key}
              label={label}
              checked={!settings.optOut[key]}
              onChange={(checked) => void update({ optOut: { ...settings.optOut, [key]: !checked } })}
              describe={settings.optOut[key] ? off : on}
            />
          ))}
          {showBoard && <BoardOptIn />}
        </div>
      </Section>
      <Section title="This device">
        <div className="form">
          <p className="meta">Signed in as {personName}.</p>
          {capabilities.startAtLogin && (
            <Toggle
              label="Start Sidekick when I log in"
              checked={settings.startAtLogin}
              onChange={(startAtLogin) => void update({ startAtLogin })}
              describe={
                settings.startAtLogin
                  ? 'On: Sidekick starts in the tray when you log in to this computer.'
                  : 'Off: start Sidekick yourself when you want it.'
              }
            />
          )}
          <button
            type="button"
            onClick={() => {
              clearAllDrafts();
              void api.signOut().catch((e: unknown) => {
                setSignOutError(errorMessage(e));
              });
            }}
          >
            Sign out of this server
          </button>
          {signOutError && (
            <p className="feedback error" role="alert">
              {signOutError}
            </p>
          )}
        </div>
      </Section>
    </>
  );
}
