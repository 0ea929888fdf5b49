import { readEnvironment, type Environment } from '../core/config';

/**
 * The one place the server reads process.env (lint refuses it anywhere else): every variable parsed by the
 * schema in core/config.ts, when a server, a context or a CLI command starts. A bad value throws a ConfigError
 * whose message names it.
 */
export function processEnvironment(): Environment {
  return readEnvironment(process.env);
}
