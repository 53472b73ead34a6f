#!/usr/bin/env node
// `prisma generate` for the service in the current directory, offline: generation uses Prisma's
// bundled wasm, but the CLI first looks for the native schema engine and would try to download
// it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file stops that (STACK.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(`${process.cwd()}/package.json`);
const prismaCli = require.resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
