#!/usr/bin/env node
// Starts the TypeScript command line through tsx (a dependency of this repository):
// `accounts …` is the school-accounts tool, everything else check-config.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const [command, ...rest] = process.argv.slice(2);
const [script, args] =
    command === 'accounts'
        ? [join(root, 'tools', 'accounts', 'cli.ts'), rest]
        : [join(root, 'tools', 'config', 'cli.ts'), process.argv.slice(2)];
const result = spawnSync(process.execPath, [tsx, script, ...args], { stdio: 'inherit' });

process.exit(result.status ?? 1);
