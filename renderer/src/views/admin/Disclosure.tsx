import { useState, type ReactNode } from 'react';

/**
 * One section of the console as a native disclosure (<details>/<summary>): a heading-sized summary that Enter or
 * Space opens, read by screen readers as a button with its state. Its content mounts only while open, so a closed
 * section makes no requests.
 */
export function Disclosure({
  title,
  badge,
  defaultOpen = false,
  children,
}: {
  title: string;
  badge?: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className="admin-section"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span className="admin-section-title">{title}</span>
        {badge && <span className="badge">{badge}</span>}
      </summary>
      {open && <div className="admin-section-body">{children}</div>}
    </details>
  );
}
