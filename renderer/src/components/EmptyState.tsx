import type { ReactNode } from 'react';

/** An empty list that says why it is empty and what to do next, never just "nothing here". */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      <p>{children}</p>
    </div>
  );
}
