import { useState, type ReactNode } from 'react';
import type { PersonRecord } from '../../../../shared/api/admin';
import { PersonMetrics } from './PersonMetrics';

const ROLE_NAMES = { agent: 'agent', supervisor: 'supervisor', admin: 'admin' } as const;

/**
 * One person as a disclosure: the summary names them, their role and handles; opened, it shows their metrics
 * over the last 30 days and whatever the section gives (claim and merge, or edit and tokens). Nothing loads
 * until it is opened.
 */
export function PersonItem({ person, children }: { person: PersonRecord; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="card admin-item" aria-label={person.name}>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <strong className="user-text">{person.name}</strong>{' '}
          <span className="meta">
            {ROLE_NAMES[person.role]}
            {person.handles.length > 0 && (
              <>
                {' '}
                · <span className="user-text">{person.handles.join(', ')}</span>
              </>
            )}
          </span>
        </summary>
        {open && (
          <div className="stack admin-item-body">
            <h4 className="admin-subhead">Last 30 days</h4>
            <PersonMetrics personId={person.id} name={person.name} />
            {children}
          </div>
        )}
      </details>
    </li>
  );
}
