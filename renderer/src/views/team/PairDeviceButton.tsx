import { useState } from 'react';
import { PAIRING_CODE_TTL_MINUTES, type PairingCodeCreated } from '../../../../shared/api/pairing';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { useNow } from '../../components/use-now';

const TTL_MS = PAIRING_CODE_TTL_MINUTES * 60_000;

/** "14:05" in the viewer's zone. */
const clockTime = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(ms));

/**
 * "Pair a device": makes a one-time code for this person and shows it large, to read out or show, with when it
 * stops working. The deadline is counted from when the code arrived on this device, so a skewed clock here
 * cannot make a fresh code look expired.
 */
export function PairDeviceButton({
  personId,
  name,
  timeZone,
}: {
  personId: string;
  name: string;
  timeZone: string;
}) {
  const api = useApi();
  const now = useNow(15_000);
  const [code, setCode] = useState<{ created: PairingCodeCreated; until: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.createPairingCode({ personId });
      setCode({ created, until: Date.now() + TTL_MS });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const expired = code !== null && now >= code.until;
  return (
    <div className="pair-device">
      {code && !expired ? (
        <div className="pair-code" role="status" aria-label={`Pairing code for ${name}`}>
          <p className="meta">
            Code for <span className="user-text">{name}</span>, to type on Sidekick’s sign-in screen:
          </p>
          <p className="pair-code-value">{code.created.code}</p>
          <p className="meta">
            Works once, until {clockTime(code.until, timeZone)} ({PAIRING_CODE_TTL_MINUTES} minutes).
          </p>
        </div>
      ) : (
        <>
          {expired && <p className="meta">That code has expired; make a new one when they are ready.</p>}
          <button type="button" className="small" onClick={() => void make()} disabled={busy}>
            {busy ? 'Making a code…' : 'Pair a device'}
            <span className="sr-only"> for {name}</span>
          </button>
        </>
      )}
      {error && (
        <p className="feedback error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
