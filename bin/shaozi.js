#!/usr/bin/env node
// Runs the TypeScript CLI with tsx's loader in one child process, so `npx shaozi` needs no build step.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const cli = join(root, 'src', 'cli', 'main.ts');
const result = spawnSync(process.execPath, ['--import', loader, cli, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
