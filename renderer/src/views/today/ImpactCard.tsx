import type { SidekickApi } from '../../../../shared/ipc/contract';
import { useOnlineRead } from '../../api/use-online-read';
import { Section } from '../../components/Section';

const readImpact = (api: SidekickApi) => api.getMyImpact();
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Impact, not only numbers: "This month you helped 312 customers; 28 said thank you", with the customers' own
 * words and the tough tickets turned around. Read from the server when online; offline it says so in a line.
 */
export function ImpactCard() {
  const { value: impact, error } = useOnlineRead('me', readImpact);
  if (!impact)
    return error ? (
      <Section title="Your impact this month">
        <p className="meta">Your impact this month shows when Sidekick can reach the server.</p>
      </Section>
    ) : null;
  const turned = impact.turnedAround.length;
  return (
    <Section title="Your impact this month">
      <div className="card impact" data-testid="impact-card">
        {impact.helped === 0 ? (
          <p>Nothing yet this month — every customer you help shows up here.</p>
        ) : (
          <p className="impact-line">
            This month you helped <strong>{plural(impact.helped, 'customer', 'customers')}</strong>
            {impact.thanked > 0 ? (
              <>
                ; <strong>{impact.thanked}</strong> said thank you.
              </>
            ) : (
              '.'
            )}
          </p>
        )}
        {impact.words.length > 0 && (
          <ul className="plain impact-words">
            {impact.words.map((w) => (
              <li key={`${w.ticketId}-${w.at}`}>
                <blockquote className="quote user-text">
                  “{w.text}”{' '}
                  <span className="meta">
                    — {w.from}, ticket {w.ticketId}
                  </span>
                </blockquote>
              </li>
            ))}
          </ul>
        )}
        {turned > 0 && (
          <p className="meta">
            {plural(turned, 'tough ticket', 'tough tickets')} turned around: customers who were unhappy, and
            you saw it through.
          </p>
        )}
      </div>
    </Section>
  );
}
