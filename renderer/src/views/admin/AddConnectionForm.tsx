import { useState, type FormEvent } from 'react';
import {
  CreateConnectionBody,
  type ConnectionRecord,
  type CredentialsCheck,
  type Vendor,
} from '../../../../shared/api/connections';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { Problem } from './use-admin-action';
import { SecretFields } from './SecretFields';

type Auth = 'api_token' | 'oauth' | 'api_key';
const VENDOR_NAMES: Record<Vendor, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk' };

/** The body the form describes, or the first thing wrong with it as a sentence. */
function bodyFrom(fields: {
  vendor: Vendor;
  auth: Auth;
  name: string;
  baseUrl: string;
  email: string;
  secret: string;
}): { body: CreateConnectionBody } | { problem: string } {
  const credentials =
    fields.vendor === 'freshdesk'
      ? { kind: 'api_key', apiKey: fields.secret }
      : fields.auth === 'oauth'
        ? { kind: 'oauth', accessToken: fields.secret }
        : { kind: 'api_token', email: fields.email.trim(), token: fields.secret };
  const parsed = CreateConnectionBody.safeParse({
    vendor: fields.vendor,
    baseUrl: fields.baseUrl.trim(),
    ...(fields.name.trim() ? { name: fields.name.trim() } : {}),
    credentials,
  });
  if (parsed.success) return { body: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') ?? '';
  if (where === 'baseUrl') return { problem: `The account address ${issue?.message ?? 'is not valid'}.` };
  if (where === 'credentials.email')
    return { problem: 'Give the e-mail of the admin the API token belongs to.' };
  return { problem: `${issue?.message ?? 'Something is missing'}.`.replace(/^\w/, (c) => c.toUpperCase()) };
}

/**
 * Adds a Zendesk or Freshdesk pull connection. "Test the credentials" makes one read of the vendor's agent list
 * without saving anything; "Add the connection" saves it (the secret is encrypted on the server and never comes
 * back). Labelled fields, errors as sentences next to the buttons.
 */
export function AddConnectionForm({ onAdded }: { onAdded: (connection: ConnectionRecord) => void }) {
  const api = useApi();
  const [vendor, setVendor] = useState<Vendor>('zendesk');
  const [auth, setAuth] = useState<Auth>('api_token');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState('');
  const [check, setCheck] = useState<CredentialsCheck | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'add' | null>(null);
  const effectiveAuth: Auth = vendor === 'freshdesk' ? 'api_key' : auth;
  const built = () => bodyFrom({ vendor, auth: effectiveAuth, name, baseUrl, email, secret });

  const run = async (what: 'check' | 'add') => {
    const result = built();
    setCheck(null);
    if ('problem' in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setBusy(what);
    try {
      if (what === 'check') setCheck(await api.adminCheckNewConnection(result.body));
      else {
        const created = await api.adminCreateConnection(result.body);
        setSecret('');
        onAdded(created);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('add');
  };
  const secretLabel =
    effectiveAuth === 'api_key' ? 'API key' : effectiveAuth === 'oauth' ? 'OAuth access token' : 'API token';
  return (
    <form className="form" onSubmit={submit} aria-label="Add a helpdesk connection">
      <label>
        Helpdesk
        <select
          value={vendor}
          onChange={(e) => {
            setVendor(e.target.value as Vendor);
            setCheck(null);
          }}
        >
          <option value="zendesk">Zendesk</option>
          <option value="freshdesk">Freshdesk</option>
        </select>
      </label>
      <label>
        Account address
        <input
          type="url"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder={vendor === 'zendesk' ? 'https://acme.zendesk.com' : 'https://acme.freshdesk.com'}
          autoComplete="url"
          required
        />
      </label>
      <label>
        Name (optional)
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </label>
      {vendor === 'zendesk' && (
        <label>
          Sign-in method
          <select value={auth} onChange={(e) => setAuth(e.target.value as Auth)}>
            <option value="api_token">API token with an admin’s e-mail</option>
            <option value="oauth">OAuth access token</option>
          </select>
        </label>
      )}
      <SecretFields
        withEmail={effectiveAuth === 'api_token'}
        email={email}
        onEmail={setEmail}
        secretLabel={secretLabel}
        secret={secret}
        onSecret={setSecret}
      />
      <p className="help">
        The {secretLabel.toLowerCase()} is stored encrypted on the server and never shown again.
      </p>
      <div className="row">
        <button type="button" onClick={() => void run('check')} disabled={busy !== null}>
          {busy === 'check' ? 'Testing…' : 'Test the credentials'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'add' ? 'Adding…' : `Add the ${VENDOR_NAMES[vendor]} connection`}
        </button>
      </div>
      {check && (
        <p className={`feedback ${check.ok ? 'ok' : 'error'}`} role={check.ok ? 'status' : 'alert'}>
          {check.message}
        </p>
      )}
      <Problem problem={problem} />
    </form>
  );
}
