#!/usr/bin/env node
// The installed `sidekick-server` command: registers tsx's ESM loader, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(path.join(here, '../src/cli/main.ts')).href);
const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
