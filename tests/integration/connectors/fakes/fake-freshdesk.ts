import { basic, startFakeHttp, type FakeHttp } from './fake-http';

/**
 * A fake Freshdesk (API v2) serving the documented shapes: agents with contact name and e-mail (pages of
 * per_page), tickets filtered by updated_since and ordered by updated_at with `include=stats`, a ticket's
 * conversations (incoming / private flags), and survey satisfaction ratings filtered by created_since whose
 * `ratings` is an object of question → value.
 */
export interface FAgent {
  id: number;
  name: string;
  email: string;
}
export interface FTicket {
  id: number;
  created_at: string;
  updated_at: string;
  responder_id: number | null;
  resolved_at?: string;
  reopened_at?: string;
}
export interface FConversation {
  id: number;
  ticket_id: number;
  user_id: number;
  incoming: boolean;
  private: boolean;
  created_at: string;
}
export interface FRating {
  id: number;
  ticket_id: number;
  agent_id: number;
  value: number;
  created_at: string;
}

export interface FakeFreshdesk extends FakeHttp {
  agents: FAgent[];
  tickets: FTicket[];
  conversations: FConversation[];
  ratings: FRating[];
  apiKey: string;
}

const paged = <T>(all: T[], q: URLSearchParams): T[] => {
  const per = Math.min(100, Number(q.get('per_page') ?? '30'));
  const page = Number(q.get('page') ?? '1');
  return all.slice((page - 1) * per, page * per);
};

export async function startFakeFreshdesk(): Promise<FakeFreshdesk> {
  const apiKey = 'fd-key-1';
  const data = {
    agents: [] as FAgent[],
    tickets: [] as FTicket[],
    conversations: [] as FConversation[],
    ratings: [] as FRating[],
  };
  const route = (url: URL): unknown => {
    const q = url.searchParams;
    if (url.pathname === '/api/v2/agents')
      return paged(data.agents, q).map((a) => ({
        id: a.id,
        available: true,
        contact: { name: a.name, email: a.email },
      }));
    const conv = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(url.pathname);
    if (conv)
      return paged(
        data.conversations.filter((c) => c.ticket_id === Number(conv[1])),
        q,
      ).map((c) => ({ ...c, body_text: 'Hello', source: 0 }));
    if (url.pathname === '/api/v2/tickets') {
      const since = q.get('updated_since');
      // Without updated_since Freshdesk lists only tickets created in the last 30 days; the connector always sends it.
      if (!since) return undefined;
      const all = data.tickets
        .filter((t) => Date.parse(t.updated_at) >= Date.parse(since))
        .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id);
      return paged(all, q).map((t) => ({
        id: t.id,
        created_at: t.created_at,
        updated_at: t.updated_at,
        responder_id: t.responder_id,
        status: t.resolved_at ? 4 : 2,
        source: 1,
        stats: {
          agent_responded_at: data.conversations.some((c) => c.ticket_id === t.id && !c.incoming)
            ? t.updated_at
            : null,
          first_responded_at: null,
          resolved_at: t.resolved_at ?? null,
          closed_at: null,
          reopened_at: t.reopened_at ?? null,
        },
      }));
    }
    if (url.pathname === '/api/v2/surveys/satisfaction_ratings') {
      const since = q.get('created_since') ?? '1970-01-01T00:00:00Z';
      const all = data.ratings.filter((r) => Date.parse(r.created_at) >= Date.parse(since));
      return paged(all, q).map((r) => ({
        id: r.id,
        survey_id: 1,
        user_id: 5000,
        agent_id: r.agent_id,
        ticket_id: r.ticket_id,
        feedback: r.value > 100 ? 'Lovely' : 'Slow',
        ratings: { default_question: r.value },
        created_at: r.created_at,
        updated_at: r.created_at,
      }));
    }
    return undefined;
  };
  const http = await startFakeHttp(basic(apiKey, 'X'), route);
  return Object.assign(http, data, { apiKey });
}
