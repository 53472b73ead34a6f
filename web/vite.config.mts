import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Static files any web server can serve; the app reads /config.json at start for where the graph is and how to sign in.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 2048 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000', '/config.json': 'http://127.0.0.1:4100' } },
});
