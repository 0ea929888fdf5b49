import { useApi } from '../../api/api-context';
import { ticketLabel } from '../../format/ticket';

/** A ticket reference; links open outside the companion, through the host, which accepts http(s) only. */
export function TicketLink({ ticketId, ticketUrl }: { ticketId: string | null; ticketUrl: string | null }) {
  const api = useApi();
  const label = ticketLabel(ticketId, ticketUrl);
  if (!ticketUrl) return <span className="meta">{label}</span>;
  return (
    <a
      className="meta"
      href={ticketUrl}
      onClick={(event) => {
        event.preventDefault();
        void api.openExternal(ticketUrl).catch(() => undefined);
      }}
    >
      {label}
    </a>
  );
}
