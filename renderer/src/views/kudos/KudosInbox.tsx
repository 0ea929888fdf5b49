import { useEffect, useMemo, useRef, useState } from 'react';
import type { Kudos } from '../../../../shared/domain/people-model';
import { useApi } from '../../api/api-context';
import type { FocusRequest } from '../../app/ViewSwitch';
import { groupInbox, newestFirst } from './inbox-groups';
import { KudosItem } from './KudosItem';

export const PAGE_SIZE = 10;
/** Long enough to see what is new; then what was shown counts as read. */
const READ_AFTER_MS = 1_500;
/** How long "Open" keeps its highlight on the item it brought you to. */
const HIGHLIGHT_MS = 3_000;

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * The inbox, a page at a time. Kudos that were unread when they came into view keep their "New" mark for
 * this visit, and are marked read (the host's markKudosRead) once they have been on screen a moment.
 */
export function KudosInbox({
  inbox,
  now,
  timeZone,
  focus,
}: {
  inbox: readonly Kudos[];
  now: number;
  timeZone: string;
  focus: FocusRequest | null;
}) {
  const api = useApi();
  const sorted = useMemo(() => newestFirst(inbox), [inbox]);
  const focusIndex = focus ? sorted.findIndex((k) => k.id === focus.itemId) : -1;
  const [pages, setPages] = useState(() => Math.max(1, Math.ceil((focusIndex + 1) / PAGE_SIZE)));
  const [seenFocus, setSeenFocus] = useState<FocusRequest | null>(null);
  if (focus !== seenFocus && focusIndex >= 0) {
    // The item asked for must be on a page that is shown.
    setSeenFocus(focus);
    setPages((p) => Math.max(p, Math.ceil((focusIndex + 1) / PAGE_SIZE)));
  }
  const visible = sorted.slice(0, pages * PAGE_SIZE);
  const groups = groupInbox(visible, now, timeZone);

  // "New" for this visit: unread when shown, even after the read receipt comes back from the server.
  const [newIds, setNewIds] = useState<ReadonlySet<string>>(() => new Set());
  const sent = useRef(new Set<string>());
  const visibleUnread = visible.filter((k) => k.readAt === null && !sent.current.has(k.id)).map((k) => k.id);
  const unreadKey = visibleUnread.join(',');
  useEffect(() => {
    if (!unreadKey) return;
    const ids = unreadKey.split(',');
    setNewIds((old) => new Set([...old, ...ids]));
    const timer = setTimeout(() => {
      for (const id of ids) sent.current.add(id);
      void api.markKudosRead({ kudosIds: ids }).catch(() => {
        for (const id of ids) sent.current.delete(id);
      });
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [api, unreadKey]);

  // Scroll to and highlight the kudos a pop-up's "Open" asked for, then give it focus for keyboards.
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const [highlighted, setHighlighted] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    const element = itemRefs.current.get(focus.itemId);
    if (!element) return;
    element.scrollIntoView?.({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    element.focus({ preventScroll: true });
    setHighlighted(focus.itemId);
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [focus, pages]);

  const left = sorted.length - visible.length;
  return (
    <div className="inbox">
      {groups.map((group) => (
        <section key={group.label} className="inbox-group" aria-label={group.label}>
          <h3 className="inbox-group-title">{group.label}</h3>
          <ul className="plain inbox-list">
            {group.items.map((k) => (
              <KudosItem
                key={k.id}
                ref={(el) => {
                  if (el) itemRefs.current.set(k.id, el);
                  else itemRefs.current.delete(k.id);
                }}
                kudos={k}
                now={now}
                isNew={k.readAt === null || newIds.has(k.id)}
                highlighted={k.id === highlighted}
              />
            ))}
          </ul>
        </section>
      ))}
      {left > 0 && (
        <button type="button" className="more-kudos" onClick={() => setPages((p) => p + 1)}>
          Show {Math.min(PAGE_SIZE, left)} more <span className="meta">({left} older)</span>
        </button>
      )}
    </div>
  );
}
