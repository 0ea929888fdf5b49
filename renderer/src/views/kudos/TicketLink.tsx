import { useApi } from '../../api/api-context';

/** A ticket reference; links open outside the companion, through the host, which accepts http(s) only. */
export function TicketLink({ ticketId, ticketUrl }: { ticketId: string | null; ticketUrl: string | null }) {
  const api = useApi();
  const label = ticketId ? `Ticket ${ticketId}` : 'Ticket';
  if (!ticketUrl) return <p className="meta">{label}</p>;
  return (
    <p className="meta">
      <a
        href={ticketUrl}
        onClick={(event) => {
          event.preventDefault();
          void api.openExternal(ticketUrl).catch(() => undefined);
        }}
      >
        {label}
      </a>
    </p>
  );
}
