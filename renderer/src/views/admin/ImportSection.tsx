import { useState, type FormEvent } from 'react';
import { type BUILT_IN_MAPPINGS, ImportQuery, type ImportReply } from '../../../../shared/api/import';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/error-message';
import { ImportSummaryView } from './ImportSummaryView';
import { Problem } from './use-admin-action';

type Mapping = (typeof BUILT_IN_MAPPINGS)[number] | 'file';
const MAPPING_NAMES: Record<Mapping, string> = {
  generic: 'Generic CSV (Sidekick’s columns)',
  zendesk: 'Zendesk export',
  freshdesk: 'Freshdesk export',
  servicenow: 'ServiceNow audit log',
  mojo: 'Mojo Helpdesk tickets (API JSON or export)',
  file: 'A mapping file (JSON) for renamed columns',
};
type Stage = { kind: 'idle' } | { kind: 'reading'; fraction: number } | { kind: 'importing'; bytes: number };

/** A chosen file's text (FileReader: Blob.text is missing in some engines), reporting how much is read. */
function readText(file: File, onProgress: (fraction: number) => void = () => undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsText(file);
  });
}

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * History import: a CSV or JSON Lines file with a built-in mapping or a mapping file, sent to the same route the
 * CLI's `import --server` uses. While it runs the form says which stage it is in; at the end it shows the summary
 * with every rejected line and why. Sending the same file again stores nothing twice.
 */
export function ImportSection() {
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Mapping>('zendesk');
  const [specFile, setSpecFile] = useState<File | null>(null);
  const [timezone, setTimezone] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<{ fileName: string; summary: ImportReply } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    if (!file) return setProblem('Choose the history file to import.');
    if (mapping === 'file' && !specFile)
      return setProblem('Choose the mapping file, or pick a built-in mapping.');
    setProblem(null);
    try {
      setStage({ kind: 'reading', fraction: 0 });
      const spec = mapping === 'file' && specFile ? await readText(specFile) : undefined;
      const format = /\.csv$/i.test(file.name)
        ? 'csv'
        : /\.(jsonl|ndjson|json)$/i.test(file.name)
          ? 'jsonl'
          : undefined;
      const query = ImportQuery.safeParse({
        ...(spec !== undefined ? { spec } : { mapping }),
        ...(format ? { format } : {}),
        ...(timezone.trim() ? { timezone: timezone.trim() } : {}),
      });
      if (!query.success) {
        setStage({ kind: 'idle' });
        return setProblem(errorMessage(query.error));
      }
      const content = await readText(file, (fraction) => setStage({ kind: 'reading', fraction }));
      setStage({ kind: 'importing', bytes: file.size });
      const summary = await api.adminImportHistory({ query: query.data, fileName: file.name, content });
      setResult({ fileName: file.name, summary });
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setStage({ kind: 'idle' });
    }
  };
  const running = stage.kind !== 'idle';
  return (
    <form className="form" onSubmit={submit} aria-label="Import history" aria-busy={running}>
      <label>
        History file (CSV or JSON Lines)
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson,.json,text/csv,application/x-ndjson"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label>
        Mapping
        <select value={mapping} onChange={(e) => setMapping(e.target.value as Mapping)}>
          {(Object.keys(MAPPING_NAMES) as Mapping[]).map((m) => (
            <option key={m} value={m}>
              {MAPPING_NAMES[m]}
            </option>
          ))}
        </select>
      </label>
      {mapping === 'file' && (
        <label>
          Mapping file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => setSpecFile(e.target.files?.[0] ?? null)}
          />
        </label>
      )}
      <label>
        Time zone of times without one (optional)
        <input value={timezone} onChange={(e) => setTimezone(e.target.value)} placeholder="UTC" />
      </label>
      <button type="submit" className="primary" disabled={running}>
        {running ? 'Importing…' : 'Import'}
      </button>
      {running && (
        <div role="status" className="stack">
          {stage.kind === 'reading' ? (
            <progress aria-label="Reading the file" value={stage.fraction} max={1} />
          ) : (
            <progress aria-label="Importing on the server" />
          )}
          <p className="meta">
            {stage.kind === 'reading'
              ? 'Reading the file…'
              : `Sent ${size(stage.bytes)}; the server is storing the events and recomputing streaks. Large files take minutes.`}
          </p>
        </div>
      )}
      <Problem problem={problem} />
      {result && <ImportSummaryView fileName={result.fileName} summary={result.summary} />}
    </form>
  );
}
