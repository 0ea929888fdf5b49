import type { ZodError } from 'zod';

/** A zod error, recognised by its name and issues: importing zod here would put it on the sign-in screen's path. */
const isZodError = (error: unknown): error is ZodError =>
  error instanceof Error &&
  error.name === 'ZodError' &&
  Array.isArray((error as { issues?: unknown }).issues);

/** A sentence a person can act on, from whatever a host call threw. */
export function errorMessage(error: unknown): string {
  if (isZodError(error)) {
    const first = error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    return first ? `${where}${first.message}` : 'The data was not valid.';
  }
  if (error instanceof Error) {
    // Electron wraps main-process errors as "Error invoking remote method 'x': Error: the real message".
    return (
      error.message.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, '') ||
      'Something went wrong.'
    );
  }
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong.';
}
