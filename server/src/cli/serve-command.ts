import fs from 'node:fs';
import path from 'node:path';
import { NowFlag, flag, parseArgs, parsedFlag, storeFlags } from './args';
import { startServer } from '../app/start';
import { ENVIRONMENT, type Environment } from '../core/config';

export const SERVE_HELP = `sidekick-server serve [--port 8787] [--host 127.0.0.1] [--data-dir ./.data] [--database-url URL]
                     [--demo] [--demo-tokens-file PATH] [--now ISO] [--log]`;

/** Runs the server until SIGINT/SIGTERM, then closes sockets and the store cleanly. */
export async function runServe(argv: readonly string[], env: Environment): Promise<void> {
  const args = parseArgs(argv, ['demo', 'log']);
  const port = parsedFlag(args, 'port', ENVIRONMENT.PORT.schema) ?? env.PORT ?? 8787;
  const demo = flag(args, 'demo') === 'true';
  const tokensFile = flag(args, 'demo-tokens-file');
  const now = parsedFlag(args, 'now', NowFlag);
  const server = await startServer({
    environment: env,
    ...storeFlags(args, env),
    host: flag(args, 'host') ?? '127.0.0.1',
    port,
    demo: demo || tokensFile !== undefined,
    logger: flag(args, 'log') === 'true',
    ...(now ? { now } : {}),
  });
  if (server.demoTokens) {
    console.log('Demo sign-in tokens (shown once; keep them private):');
    for (const t of server.demoTokens) console.log(`  ${t.role.padEnd(10)} ${t.name.padEnd(18)} ${t.token}`);
    if (tokensFile) {
      fs.mkdirSync(path.dirname(path.resolve(tokensFile)), { recursive: true });
      const body = { serverUrl: server.url, people: server.demoTokens };
      // Written atomically and private: the file holds bearer tokens.
      const tmp = `${tokensFile}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(body, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, tokensFile);
    }
  }
  console.log(`Sidekick server listening on ${server.url}`);
  void server.scheduler?.firstPass.then(() => console.log('Scheduler: first pass done'));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
