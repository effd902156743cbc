import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The tab's page: built into dist/tab and served by the bot under /tab (src/tab/tab.routes.ts). */
export default defineConfig({
  root: here,
  base: '/tab/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../../dist/tab', import.meta.url)),
    emptyOutDir: true,
    // The server serves what is under assets/ by name; nothing is inlined as a data: URL script.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
