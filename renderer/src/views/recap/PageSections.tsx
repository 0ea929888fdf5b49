import type { PageSection } from './recap-text';

/** The page's sections on screen, the same text the PDF prints. */
export function PageSections({ sections }: { sections: readonly PageSection[] }) {
  return (
    <div className="recap-sections">
      {sections.map((s) => (
        <div key={s.heading}>
          <h4>{s.heading}</h4>
          <ul className="plain">
            {s.lines.map((line, i) => (
              <li key={i} className="user-text">
                {line}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
