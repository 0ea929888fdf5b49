/**
 * Lets pending I/O (HTTP requests, live sockets) run between two pieces of a long background job. better-sqlite3
 * is synchronous, so a job awaiting only its queries would otherwise hold the event loop until it ends.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
