/** Ticket references as people type and read them. Pure functions. */

/** The last path segment of a ticket link: `…/tickets/48190?via=mail#c3` → "48190". */
function lastSegment(url: URL): string | null {
  const segment = url.pathname.split('/').filter(Boolean).pop();
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** "Ticket 4521", "#4521" or a link: a link is kept as the ticket URL and its last path segment as the id. */
export function ticketFields(input: string): { ticketId: string | null; ticketUrl: string | null } {
  const text = input.trim();
  if (!text) return { ticketId: null, ticketUrl: null };
  if (/^https?:\/\//i.test(text)) {
    try {
      return { ticketId: lastSegment(new URL(text)), ticketUrl: text };
    } catch {
      // Not a URL after all: the form's validation says so.
      return { ticketId: null, ticketUrl: text };
    }
  }
  return { ticketId: text.replace(/^#/, ''), ticketUrl: null };
}

/**
 * What a ticket is called on screen: "Ticket 48190". Ids stored before links were parsed may still carry a
 * query string or fragment ("48190?via=mail"); those never belong in the label.
 */
export function ticketLabel(ticketId: string | null, ticketUrl: string | null): string {
  let id = ticketId?.split(/[?#]/)[0]?.trim() || null;
  if (!id && ticketUrl) {
    try {
      id = lastSegment(new URL(ticketUrl));
    } catch {
      id = null;
    }
  }
  return id ? `Ticket ${id}` : 'Ticket';
}
