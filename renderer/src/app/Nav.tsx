import type { View } from '../../../shared/ipc/contract';
import { VIEW_LABELS } from './views';

/** The view switcher: plain buttons in tab order, the current one marked with aria-current. */
export function Nav({
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
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {views.map((view) => {
          const badge = badges[view] ?? 0;
          return (
            <li key={view}>
              <button
                type="button"
                className="nav-item"
                aria-current={view === current ? 'page' : undefined}
                onClick={() => onChange(view)}
              >
                {VIEW_LABELS[view]}
                {badge > 0 && (
                  <span className="badge" aria-label={`${badge} unread`}>
                    {badge}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
