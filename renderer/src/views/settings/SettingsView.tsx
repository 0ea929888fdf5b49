import { useState } from 'react';
import type { Settings } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { Section } from '../../components/Section';

type OptOut = keyof Settings['optOut'];
const OPT_OUTS: { key: OptOut; label: string; hint: string }[] = [
  { key: 'streaks', label: 'Streaks', hint: 'Hide the streak and its milestones.' },
  { key: 'celebrations', label: 'Celebrations', hint: 'No animations for missions, bests or levels.' },
  {
    key: 'growthPoints',
    label: 'Growth points and levels',
    hint: 'Hide points and levels; your portfolio stays.',
  },
  {
    key: 'popups',
    label: 'Pop-ups',
    hint: 'No desktop pop-ups or toasts; everything still lands in your inbox.',
  },
];

/** Notifications budget, focus mode, quiet hours, and a one-click opt-out of every game mechanic. */
export function SettingsView({
  settings,
  update,
}: {
  settings: Settings | null;
  update: (patch: Partial<Settings>) => Promise<void>;
}) {
  const api = useApi();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  if (!settings) return <p aria-busy="true">Loading settings…</p>;
  const quiet = settings.quietHours;
  return (
    <>
      <Section title="Notifications">
        <div className="form">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.focusMode}
              onChange={(e) => void update({ focusMode: e.target.checked })}
            />
            Focus mode — hold every pop-up for later
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={quiet.enabled}
              onChange={(e) => void update({ quietHours: { ...quiet, enabled: e.target.checked } })}
            />
            Quiet hours
          </label>
          <div className="row">
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
          <label className="inline">
            At most{' '}
            <input
              type="number"
              min={0}
              max={60}
              value={settings.maxPopupsPerHour}
              onChange={(e) => {
                const n = Math.round(Number(e.target.value));
                if (Number.isFinite(n) && n >= 0 && n <= 60) void update({ maxPopupsPerHour: n });
              }}
              className="narrow"
            />{' '}
            pop-ups an hour; the rest wait for a digest
          </label>
        </div>
      </Section>
      <Section title="Game mechanics">
        <p className="muted">Every part is optional. Turning one off hides it; nothing you earned is lost.</p>
        <div className="form">
          {OPT_OUTS.map(({ key, label, hint }) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={!settings.optOut[key]}
                onChange={(e) => void update({ optOut: { ...settings.optOut, [key]: !e.target.checked } })}
              />
              <span>
                {label} <span className="meta">— {hint}</span>
              </span>
            </label>
          ))}
        </div>
      </Section>
      <Section title="This device">
        <div className="form">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.startAtLogin}
              onChange={(e) => void update({ startAtLogin: e.target.checked })}
            />
            Start Sidekick when I log in (desktop app)
          </label>
          <button
            type="button"
            onClick={() =>
              void api.signOut().catch((e: unknown) => {
                setSignOutError(errorMessage(e));
              })
            }
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
