import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { metaContentSecurityPolicy } from './electron/security.ts';

// The built page carries its CSP itself as well as by header (Electron's app:// handler, the web
// mode's server): a copy of the page opened some other way still runs under it. Only the build: the dev server needs inline scripts for hot reload.
const cspMeta: Plugin = {
  name: 'onewindow-csp',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
      injectTo: 'head-prepend',
    },
  ],
};

// base './' so the same build loads from file:// in Electron and from the web-mode server.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // issue 17: the hall's screens (kiosk, big screen, window displays) are a second page the
    // center serves at /hall/; they share no code with the window's app but the shared schemas
    rollupOptions: { input: { main: 'renderer/index.html', hall: 'renderer/hall.html' } },
  },
  server: { port: 5173, strictPort: true, proxy: { '/api': 'http://127.0.0.1:4310' } },
});
