import type { ConnectionCredentials, Vendor } from '../../../shared/api/connections';
import type { PullVendor } from './pull-stream';
import { createVendorClient, type VendorClient, type VendorClientOptions } from './vendor-http';
import { zendeskVendor } from './zendesk-vendor';
import { freshdeskVendor } from './freshdesk-vendor';

export const VENDOR_NAMES = { zendesk: 'Zendesk', freshdesk: 'Freshdesk' } as const;

/** The vendor's reader for these credentials; a credential of the other vendor's kind is refused. */
export function vendorFor(vendor: Vendor, credentials: ConnectionCredentials): PullVendor {
  if (vendor === 'zendesk' && (credentials.kind === 'api_token' || credentials.kind === 'oauth'))
    return zendeskVendor(credentials);
  if (vendor === 'freshdesk' && credentials.kind === 'api_key') return freshdeskVendor(credentials);
  throw new Error(`${VENDOR_NAMES[vendor]} does not take "${credentials.kind}" credentials`);
}

/** Timing knobs of the vendor client (tests shorten the backoff). */
export type ClientTuning = Pick<
  VendorClientOptions,
  'sleep' | 'maxInlineWaitMs' | 'tries' | 'backoffMs' | 'timeoutMs'
>;

export function clientFor(
  vendor: Vendor,
  baseUrl: string,
  reader: PullVendor,
  nowMs: () => number,
  tuning: ClientTuning = {},
): VendorClient {
  return createVendorClient({
    vendor: VENDOR_NAMES[vendor],
    baseUrl,
    authorization: reader.authorization(),
    nowMs,
    ...tuning,
  });
}
