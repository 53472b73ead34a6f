import { defineConfig } from 'prisma/config';

// Migrations are authored and applied by scripts/migrate.mjs (offline, see STACK.md); this file
// only tells `prisma generate` where the schema is.
export default defineConfig({ schema: 'prisma/schema.prisma' });
