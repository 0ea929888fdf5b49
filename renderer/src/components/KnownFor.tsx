import { knownFor } from '../../../shared/domain/known-for';
import type { Kudos } from '../../../shared/domain/people-model';
import { Section } from './Section';

/**
 * What you are known for: the values your kudos name most, each with the latest words someone used for it.
 * Shown on Profile and Timeline; nothing at all until there are kudos (no empty trophy shelf).
 */
export function KnownFor({ kudos }: { kudos: readonly Kudos[] }) {
  const top = knownFor(kudos);
  if (top.length === 0) return null;
  const total = kudos.length;
  return (
    <Section title="What you are known for">
      <p className="meta">
        From {total === 1 ? 'the kudos' : `${total} kudos`} you have received, in the words of the people who
        sent them.
      </p>
      <ul className="plain known-for">
        {top.map((entry) => (
          <li key={entry.value} className="known-for-item">
            <p className="known-for-value">
              <span className="tag">{entry.value}</span>{' '}
              <span className="meta">{entry.count === 1 ? 'named once' : `named ${entry.count} times`}</span>
            </p>
            {entry.words && (
              <blockquote className="quote user-text">
                “{entry.words.text}” <span className="meta">— {entry.words.from}</span>
              </blockquote>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
