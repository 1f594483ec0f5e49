import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' so the same build loads from file:// in Electron and from the web-mode server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, strictPort: true, proxy: { '/api': 'http://127.0.0.1:4310' } },
});
