import { describe, expect, it } from 'vitest';
import {
  createMapper,
  defaultFormat,
  parseMappingFile,
} from '../../../server/src/import/mappings/mapping-spec';

describe('mapping files', () => {
  it('parses a generic mapping with renamed columns and constants', () => {
    const spec = parseMappingFile(
      JSON.stringify({
        mapping: 'generic',
        format: 'csv',
        source: 'legacy',
        timeFormat: 'dd/MM/yyyy HH:mm',
        columns: { at: 'Closed' },
        constants: { type: 'ticket_solved' },
      }),
    );
    expect(spec).toMatchObject({
      mapping: 'generic',
      columns: { at: 'Closed' },
      constants: { type: 'ticket_solved' },
    });
    expect(defaultFormat(spec)).toBe('csv');
    expect(defaultFormat(parseMappingFile('{"mapping":"servicenow"}'))).toBe('csv');
    expect(defaultFormat(parseMappingFile('{"mapping":"zendesk"}'))).toBe('jsonl');
  });

  it('names what is wrong: bad JSON, an unknown mapping, an unknown column target, a stray key', () => {
    expect(() => parseMappingFile('{')).toThrow(/not valid JSON/);
    expect(() => parseMappingFile('{"mapping":"salesforce"}')).toThrow(/mapping file is invalid: mapping/);
    expect(() => parseMappingFile('{"mapping":"generic","columns":{"when":"Closed"}}')).toThrow(/columns/);
    expect(() => parseMappingFile('{"mapping":"zendesk","columns":{}}')).toThrow(/Unrecognized key/);
  });

  it('refuses an unknown time zone before reading anything', () => {
    expect(() => createMapper({ mapping: 'servicenow', timezone: 'Mars/Olympus' })).toThrow(
      /unknown time zone "Mars\/Olympus"/,
    );
  });
});
