import { apiRoutes } from '../api/routes';
import type { PairedDevice } from '../api/pairing';
import { errorFrom, normaliseServerUrl, safeJson, SyncRequestError } from './server-api';
import type { HttpFetch } from './ports';

const route = apiRoutes.exchangePairingCode;

/**
 * Exchanges a pairing code for a device token. The one call a device makes before it has a token, so it sends
 * no Authorization header; the server's refusal ("expired", "already used") comes back as the error's message.
 */
export async function exchangePairingCode(
  http: HttpFetch,
  serverUrl: string,
  code: string,
): Promise<PairedDevice> {
  const base = normaliseServerUrl(serverUrl);
  let status: number;
  let text: string;
  try {
    const response = await http(`${base}${route.path}`, {
      method: route.method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code }),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyncRequestError(`Could not reach the server at ${base} (${reason}).`, 0, 'network');
  }
  if (status !== route.status) throw errorFrom(status, text);
  const parsed = route.reply.safeParse(safeJson(text));
  if (!parsed.success)
    throw new SyncRequestError(
      'The server’s answer to the pairing code was not understood.',
      0,
      'bad_response',
    );
  return parsed.data;
}
