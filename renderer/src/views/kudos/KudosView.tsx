import { useCallback } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useNow } from '../../components/use-now';
import { KudosItem } from './KudosItem';
import { SendKudosForm } from './SendKudosForm';

/** Kudos: the inbox (newest first, unread marked) and a form to appreciate a teammate. */
export function KudosView({ snapshot, focusItem }: { snapshot: Snapshot; focusItem: string | null }) {
  const api = useApi();
  const now = useNow();
  const inbox = [...snapshot.kudos.inbox].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const unreadIds = inbox.filter((k) => k.readAt === null).map((k) => k.id);
  const markRead = useCallback(() => api.markKudosRead({ kudosIds: unreadIds }), [api, unreadIds]);
  const { status, start } = useAction(markRead, () => 'Marked as read');
  return (
    <>
      <Section
        title="Kudos for you"
        actions={
          unreadIds.length > 0 ? (
            <button type="button" className="small" onClick={() => void start()}>
              Mark all read
            </button>
          ) : undefined
        }
      >
        <ActionFeedback status={status} />
        {inbox.length === 0 ? (
          <EmptyState title="No kudos yet">
            When a teammate, your supervisor or a happy customer appreciates your work, it lands here and on
            your timeline.
          </EmptyState>
        ) : (
          <ul className="stack plain">
            {inbox.map((k) => (
              <KudosItem key={k.id} kudos={k} now={now} highlighted={k.id === focusItem} />
            ))}
          </ul>
        )}
      </Section>
      <Section title="Appreciate a teammate">
        <SendKudosForm key={focusItem ?? 'none'} snapshot={snapshot} initialTo={focusItem} />
      </Section>
    </>
  );
}
