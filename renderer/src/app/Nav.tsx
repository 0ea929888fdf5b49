import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { View } from '../../../shared/ipc/contract';
import { useMediaQuery } from '../components/use-media-query';
import { TABS_IN_NARROW_BAR, VIEW_LABELS } from './views';

/** A small count that informs without nagging ("9+" past nine); the exact number is in its label. */
function Badge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="badge" aria-label={`${count} new`}>
      {count > 9 ? '9+' : count}
    </span>
  );
}

/**
 * The view switcher in one row: as many tabs as fit, the rest in a "More" menu (a menu button with arrow
 * keys, Home/End, Escape and Tab, focus returned to the button). On a wide window every view is a tab.
 */
export function Nav({
  views,
  current,
  onChange,
  badges,
  status,
  who,
}: {
  views: View[];
  current: View;
  onChange: (view: View) => void;
  badges: Partial<Record<View, number>>;
  /** The connection dot, at the end of the row. */
  status: ReactNode;
  /** Who is signed in, shown beside the dot where the row has room. */
  who: string;
}) {
  const wide = useMediaQuery('(min-width: 720px)');
  const tabs = wide ? views : views.slice(0, TABS_IN_NARROW_BAR);
  const more = wide ? [] : views.slice(TABS_IN_NARROW_BAR);
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {tabs.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="nav-item"
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onChange(view)}
            >
              {VIEW_LABELS[view]}
              <Badge count={badges[view] ?? 0} />
            </button>
          </li>
        ))}
        {more.length > 0 && (
          <li>
            <MoreMenu views={more} current={current} onChange={onChange} badges={badges} />
          </li>
        )}
      </ul>
      {wide && (
        <span className="who" aria-hidden="true">
          {who}
        </span>
      )}
      {status}
    </nav>
  );
}

function MoreMenu({
  views,
  current,
  onChange,
  badges,
}: {
  views: View[];
  current: View;
  onChange: (view: View) => void;
  badges: Partial<Record<View, number>>;
}) {
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const inside = views.includes(current);
  const newInside = views.reduce((n, v) => n + (badges[v] ?? 0), 0);

  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const show = (index: number) => {
    setFocusIndex((index + views.length) % views.length);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      show(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      show(views.length - 1);
    }
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      Home: 0,
      End: views.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      show(moves[event.key]!);
    } else if (event.key === 'Escape') {
      // Handled here: the shell's Escape would otherwise close the whole popover.
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  return (
    <div className="more" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`nav-item more-button${inside ? ' more-current' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(Math.max(0, views.indexOf(current))))}
        onKeyDown={onButtonKey}
      >
        More{inside ? `: ${VIEW_LABELS[current]}` : ''}
        {!inside && <Badge count={newInside} />}
        <span className="more-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul className="more-menu" role="menu" id={menuId} aria-label="More views" onKeyDown={onMenuKey}>
          {views.map((view, i) => (
            <li key={view} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === focusIndex ? 0 : -1}
                aria-current={view === current ? 'page' : undefined}
                onClick={() => {
                  onChange(view);
                  close(true);
                }}
              >
                {VIEW_LABELS[view]}
                <Badge count={badges[view] ?? 0} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
