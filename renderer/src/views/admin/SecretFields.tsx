/**
 * A helpdesk's credentials as typed: the admin's e-mail where the vendor signs in with an API token and an
 * e-mail, and the secret itself (never autocompleted, never spell-checked, stored encrypted by the server).
 */
export function SecretFields({
  withEmail,
  email,
  onEmail,
  secretLabel,
  secret,
  onSecret,
}: {
  withEmail: boolean;
  email: string;
  onEmail: (email: string) => void;
  secretLabel: string;
  secret: string;
  onSecret: (secret: string) => void;
}) {
  return (
    <>
      {withEmail && (
        <label>
          Admin e-mail
          <input type="email" value={email} onChange={(e) => onEmail(e.target.value)} autoComplete="off" />
        </label>
      )}
      <label>
        {secretLabel}
        <input
          type="password"
          value={secret}
          onChange={(e) => onSecret(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </label>
    </>
  );
}
