/** Small, real-shaped vendor exports (field names from the Zendesk and Freshdesk APIs) for the CLI and route tests. */
export function zendeskTickets(count: number): { lines: string[]; replyMinutes: number[] } {
  const lines: string[] = [];
  const replyMinutes: number[] = [];
  for (let i = 0; i < count; i++) {
    const created = Date.UTC(2026, 1, 2 + (i % 20), 8, 0);
    const reply = 10 + ((i * 7) % 50);
    replyMinutes.push(reply);
    lines.push(
      JSON.stringify({
        id: 1000 + i,
        created_at: new Date(created).toISOString(),
        updated_at: new Date(created + 86_400_000).toISOString(),
        status: 'solved',
        assignee_id: 9001,
        via: { channel: i % 2 ? 'web' : 'email' },
        satisfaction_rating:
          i % 3 === 0 ? { score: 'good', comment: 'Quick and kind' } : { score: 'offered' },
        metric_set: {
          reply_time_in_minutes: { calendar: reply, business: reply },
          full_resolution_time_in_minutes: { calendar: reply + 120, business: reply + 60 },
          initially_assigned_at: new Date(created + 60_000).toISOString(),
        },
      }),
    );
  }
  return { lines, replyMinutes };
}

export function freshdeskTickets(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const created = Date.UTC(2026, 1, 2 + (i % 20), 9, 0);
    return JSON.stringify({
      id: 500 + i,
      created_at: new Date(created).toISOString(),
      updated_at: new Date(created + 7_200_000).toISOString(),
      status: 4,
      source: 1,
      responder_id: 77000,
      stats: {
        first_responded_at: new Date(created + 30 * 60_000).toISOString(),
        resolved_at: new Date(created + 3_600_000).toISOString(),
        closed_at: null,
        reopened_at: null,
      },
    });
  });
}
