import { useState, type FormEvent } from 'react';
import {
  FreshdeskCredentials,
  ZendeskCredentials,
  type ConnectionRecord,
} from '../../../../shared/api/connections';
import { useApi } from '../../api/api-context';
import { Outcome, Problem, useAdminAction } from './use-admin-action';
import { SecretFields } from './SecretFields';

/**
 * New credentials for a connection the vendor stopped accepting (or any time a token is rotated): the same kind
 * as before, saved encrypted; the server then polls again.
 */
export function NewCredentialsForm({
  connection: c,
  onSaved,
}: {
  connection: ConnectionRecord;
  onSaved: () => void;
}) {
  const api = useApi();
  const [email, setEmail] = useState(c.login ?? '');
  const [secret, setSecret] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, outcome, run } = useAdminAction();
  const label =
    c.authKind === 'api_key'
      ? 'New API key'
      : c.authKind === 'oauth'
        ? 'New OAuth access token'
        : 'New API token';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed =
      c.authKind === 'api_key'
        ? FreshdeskCredentials.safeParse({ kind: 'api_key', apiKey: secret })
        : c.authKind === 'oauth'
          ? ZendeskCredentials.safeParse({ kind: 'oauth', accessToken: secret })
          : ZendeskCredentials.safeParse({ kind: 'api_token', email: email.trim(), token: secret });
    if (!parsed.success)
      return setProblem(
        c.authKind === 'api_token'
          ? 'Give the admin’s e-mail and the new API token.'
          : `Give the ${label.toLowerCase().replace('api', 'API').replace('oauth', 'OAuth')}.`,
      );
    setProblem(null);
    const saved = await run(
      'save',
      () => api.adminUpdateConnection({ id: c.id, change: { credentials: parsed.data } }),
      (next) => next.statusMessage,
    );
    if (saved) {
      setSecret('');
      onSaved();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={`New credentials for ${c.name}`}>
      <SecretFields
        withEmail={c.authKind === 'api_token'}
        email={email}
        onEmail={setEmail}
        secretLabel={label}
        secret={secret}
        onSecret={setSecret}
      />
      <button type="submit" className="small" disabled={busy !== null}>
        {busy ? 'Saving…' : 'Save the new credentials'}
      </button>
      <Problem problem={problem} />
      <Outcome outcome={outcome} />
    </form>
  );
}
