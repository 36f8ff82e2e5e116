/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { configDefaults } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };
import { inlineStylesheetPlugin } from './src/server/build/inlineStylesheetPlugin.ts';
import { pdfEngineShimsPlugin } from './src/server/build/pdfEngineShimsPlugin.ts';
import { precompressPlugin } from './src/server/build/precompressPlugin.ts';
import { preloadAppPlugin } from './src/server/build/preloadAppPlugin.ts';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
  // Workers as ES modules, so their dynamic imports stay separate chunks (Word export does not
  // load the PDF engine). Module workers: Chrome 80, Safari 15, the app's oldest targets.
  // The PDF engine's Node modules get small browser versions (see the plugin).
  worker: { format: 'es', plugins: () => [pdfEngineShimsPlugin()] },
  server: { proxy: { '/api': 'http://localhost:8080', '/files': 'http://localhost:8080' } },
  plugins: [
    react(),
    // index.html's static shell paints before the app's CSS and JavaScript arrive.
    inlineStylesheetPlugin(),
    // boot.ts starts the app after the first paint and asks for its files all at once then.
    preloadAppPlugin(),
    VitePWA({
      // Our own service worker (src/sw.ts): precache and routes as before, plus the sync engine for
      // Background Sync (the app's data goes up with the app closed).
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // The user decides when a new version takes over (see UpdatePrompt).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Terrain — carnet de mission',
        short_name: 'Terrain',
        description: 'Préparer les missions de terrain, noter les visites hors ligne, produire le compte rendu.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f5f7f6',
        theme_color: '#1f6f43',
        screenshots: [
          {
            src: '/screenshots/phone-offline.png',
            sizes: '360x740',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Une note de visite saisie hors ligne',
          },
        ],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // Every built file is precached, lazy chunks included: a screen opened for the first time
        // in a commune with no network must still load. (Navigation fallback, outdated caches and
        // the update prompt's SKIP_WAITING are in src/sw.ts.)
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2,ttf}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
    // Last: brotli and gzip copies of every text file, sw.js included (src/server/precompressed.ts).
    precompressPlugin(),
  ],
  test: {
    // Two test files at a time on a 2-core machine (Vitest's default there is one): most server
    // tests wait on child processes, timers and sockets.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // *.pg.test.ts need PostgreSQL: they run in the server-pg project only.
          exclude: [...configDefaults.exclude, 'tests/unit/**/*.pg.test.ts'],
          environment: 'node',
          // LOG_FORMAT off: the many apps built in-process would print a line per request.
          env: { TERRAIN_TEST_PG_URL: '', LOG_FORMAT: 'off' },
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      // The server's protocol suite again on PostgreSQL, when one is given (CI starts one).
      ...(process.env.TERRAIN_TEST_PG_URL
        ? [
            {
              extends: true as const,
              test: {
                name: 'server-pg',
                include: ['tests/unit/server/**/*.test.ts'],
                environment: 'node',
                env: { TERRAIN_TEST_PG_URL: process.env.TERRAIN_TEST_PG_URL, LOG_FORMAT: 'off' },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two files at a time: a browser test mostly waits (emulated 2G/3G links, a server's
          // restart, timers), so two share a 2-core machine well and the suite takes half the time.
          // Each file has its own server, port, data folder and browser.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // One retry: a slow, shared 2-core machine can starve Chromium past a step's wait. A
          // real regression fails twice; a retried pass is printed by Vitest, so it stays visible.
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
