/** A progress ring for a mission: `ratio` in [0, 1], labelled for screen readers with the sentence. */
export function ProgressRing({
  ratio,
  label,
  size = 56,
  tone = 'neutral',
}: {
  ratio: number;
  label: string;
  size?: number;
  tone?: 'neutral' | 'good' | 'risk' | 'done';
}) {
  const stroke = 6;
  const radius = (size - stroke) / 2;
  const circumference = 2 * Math.PI * radius;
  const clamped = Math.min(1, Math.max(0, ratio));
  return (
    <svg
      className={`ring ring-${tone}`}
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
    >
      <circle
        className="ring-track"
        cx={size / 2}
        cy={size / 2}
        r={radius}
        strokeWidth={stroke}
        fill="none"
      />
      {/* Nothing done draws nothing: a round cap on a zero-length arc would show a dot that reads as progress. */}
      {clamped > 0 && (
        <circle
          className="ring-value"
          cx={size / 2}
          cy={size / 2}
          r={radius}
          strokeWidth={stroke}
          fill="none"
          strokeLinecap="round"
          strokeDasharray={`${circumference * clamped} ${circumference}`}
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      )}
      {size >= 44 && (
        <text x="50%" y="50%" dominantBaseline="central" textAnchor="middle" className="ring-text">
          {Math.round(clamped * 100)}%
        </text>
      )}
    </svg>
  );
}
