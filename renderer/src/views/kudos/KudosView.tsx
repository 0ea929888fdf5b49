import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Snapshot } from '../../../../shared/api/snapshot';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { ActionFeedback } from '../../components/ActionFeedback';
import { EmptyState } from '../../components/EmptyState';
import { useNow } from '../../components/use-now';
import type { FocusRequest } from '../../app/ViewSwitch';
import { KudosInbox } from './KudosInbox';
import { SendKudosForm } from './SendKudosForm';

type Tab = 'received' | 'give';

/**
 * Kudos in two tabs a tap apart: the inbox (compact, grouped by day, newest first, paged; what you see is
 * marked read) and the form to appreciate a teammate. A pop-up's "Open" lands on its kudos, scrolled to
 * and highlighted; the team view's "Send … kudos" lands on the form with that person chosen.
 */
export function KudosView({ snapshot, focus }: { snapshot: Snapshot; focus: FocusRequest | null }) {
  const api = useApi();
  const now = useNow();
  const inbox = snapshot.kudos.inbox;
  const focusIsTeammate = focus !== null && (snapshot.team?.members ?? []).some((m) => m.id === focus.itemId);
  const [tab, setTab] = useState<Tab>(focusIsTeammate ? 'give' : 'received');
  const [lastFocus, setLastFocus] = useState(focus);
  if (focus !== lastFocus) {
    // A new request while the view is open (another pop-up's "Open") switches the tab to match it.
    setLastFocus(focus);
    if (focus) setTab(focusIsTeammate ? 'give' : 'received');
  }
  const unreadIds = useMemo(() => inbox.filter((k) => k.readAt === null).map((k) => k.id), [inbox]);
  const markAll = useCallback(() => api.markKudosRead({ kudosIds: unreadIds }), [api, unreadIds]);
  const markAllAction = useAction(markAll, () => 'Marked as read');
  const tabsId = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ received: null, give: null });
  const tabs: { id: Tab; label: string }[] = [
    { id: 'received', label: unreadIds.length > 0 ? `Received · ${unreadIds.length} new` : 'Received' },
    { id: 'give', label: 'Give kudos' },
  ];
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: Tab = tab === 'received' ? 'give' : 'received';
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  useEffect(() => {
    if (tab === 'received') markAllAction.reset();
    // Reset the "Marked as read" line when coming back to the inbox only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);

  return (
    <section className="section" aria-labelledby={`${tabsId}-title`}>
      <div className="section-head">
        <h2 id={`${tabsId}-title`}>{tab === 'received' ? 'Kudos for you' : 'Appreciate a teammate'}</h2>
        {tab === 'received' && unreadIds.length > 1 && (
          <button type="button" className="small" onClick={() => void markAllAction.start()}>
            Mark all read
          </button>
        )}
      </div>
      <div className="segmented" role="tablist" aria-label="Kudos" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${tabsId}-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${tabsId}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabsId}-${tab}-panel`} aria-labelledby={`${tabsId}-${tab}`}>
        {tab === 'received' ? (
          <>
            <ActionFeedback status={markAllAction.status} />
            {inbox.length === 0 ? (
              <EmptyState title="No kudos yet">
                When a teammate, your supervisor or a happy customer appreciates your work, it lands here and
                on your timeline.
              </EmptyState>
            ) : (
              <KudosInbox
                inbox={inbox}
                now={now}
                timeZone={snapshot.person.timezone}
                focus={focusIsTeammate ? null : focus}
              />
            )}
          </>
        ) : (
          <SendKudosForm
            key={focusIsTeammate ? focus?.itemId : 'none'}
            snapshot={snapshot}
            initialTo={focusIsTeammate ? (focus?.itemId ?? null) : null}
          />
        )}
      </div>
    </section>
  );
}
