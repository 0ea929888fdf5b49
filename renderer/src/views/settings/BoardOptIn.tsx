import { useState } from 'react';
import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useOnlineRead } from '../../api/use-online-read';

const readChoice = (api: SidekickApi) => api.getRecognitionSettings();

/**
 * The most-improved board opt-in, stored on the server (the board is read there): off until the person turns
 * it on, and the checkbox only moves once the server has stored the choice.
 */
export function BoardOptIn() {
  const api = useApi();
  const { value, setValue, error: loadError } = useOnlineRead('me', readChoice);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!value)
    return (
      <p className="meta">
        {loadError
          ? 'Your most-improved board choice can be changed when Sidekick can reach the server.'
          : 'Loading your board choice…'}
      </p>
    );
  const change = async (boardOptIn: boolean) => {
    setSaving(true);
    try {
      setValue(await api.updateRecognitionSettings({ boardOptIn }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="toggle">
      <label className="check">
        <input
          type="checkbox"
          checked={value.boardOptIn}
          disabled={saving}
          aria-describedby="board-opt-in-state"
          onChange={(e) => void change(e.target.checked)}
        />
        <span className="toggle-label">Most-improved board</span>
      </label>
      <p id="board-opt-in-state" className="meta toggle-state">
        {value.boardOptIn
          ? 'On: you can see your team’s monthly most-improved board, and be on it when you improve against your own last three months.'
          : 'Off: you are on no board and nobody sees your numbers there. Turn it on to see the board and join it.'}
      </p>
      {error && (
        <p className="feedback error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
