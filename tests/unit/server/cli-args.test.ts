import { describe, expect, it } from 'vitest';
import { flag, flagAll, parseArgs } from '../../../server/src/cli/args';

describe('CLI flags', () => {
  it('reads --name value, --name=value, booleans and repeats', () => {
    const args = parseArgs(
      ['add', '--name', 'Ana Silva', '--team=t1', '--team', 't2', '--demo', '--port', '0'],
      ['demo'],
    );
    expect(args.positional).toEqual(['add']);
    expect(flag(args, 'name')).toBe('Ana Silva');
    expect(flagAll(args, 'team')).toEqual(['t1', 't2']);
    expect(flag(args, 'demo')).toBe('true');
    expect(flag(args, 'port')).toBe('0');
  });

  it('says which flag lacks its value', () => {
    expect(() => parseArgs(['--data-dir'])).toThrow('--data-dir needs a value');
    expect(() => parseArgs(['--port', '--demo'], ['demo'])).toThrow('--port needs a value');
  });
});
