#!/usr/bin/env node
// Usage:
//   node scripts/migrate.mjs deploy [service…]        apply committed migrations (creates the databases)
//   node scripts/migrate.mjs create <service> <name>  write the migration that schema.prisma needs
//   node scripts/migrate.mjs check [service…]         exit 1 if schema.prisma and migrations drift apart
// Databases: DATABASE_URL (server) + DATABASE_NAME_PREFIX → <prefix>_<service>.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMigration, deployToPostgres, pendingSchemaChange } from './lib/migrations.mjs';

export const SERVICES = ['identity', 'enterprise', 'payroll', 'welfare'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const prefix = process.env.DATABASE_NAME_PREFIX ?? 'yikatong';
const prismaDir = (service) => path.join(root, 'services', service, 'prisma');

function databaseUrl(service) {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${service}`;
  return url.toString();
}

const [command, ...args] = process.argv.slice(2);
const targets = args.length ? args : SERVICES;

try {
  if (command === 'deploy') {
    for (const service of targets) {
      const applied = await deployToPostgres(databaseUrl(service), path.join(prismaDir(service), 'migrations'));
      console.log(`${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    }
  } else if (command === 'create') {
    const [service, name] = args;
    if (!service || !name) throw new Error('usage: migrate.mjs create <service> <name>');
    const folder = await createMigration(prismaDir(service), name, serverUrl);
    console.log(folder ? `${service}: wrote prisma/migrations/${folder}` : `${service}: schema.prisma matches the migrations; nothing to write`);
  } else if (command === 'check') {
    let drift = false;
    for (const target of targets) {
      const dir = SERVICES.includes(target) ? prismaDir(target) : path.resolve(target);
      const sql = await pendingSchemaChange(dir, serverUrl);
      if (sql) {
        drift = true;
        console.error(`${target}: schema.prisma and prisma/migrations differ; run npm run db:migration -- ${target} <name>\n${sql}`);
      } else console.log(`${target}: migrations match schema.prisma`);
    }
    process.exitCode = drift ? 1 : 0;
  } else {
    throw new Error('usage: migrate.mjs deploy|create|check [service…]');
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 2;
}
