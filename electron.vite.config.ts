import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Main and preload only: the renderer is built once by renderer/vite.config.ts (renderer/dist) and served to
// the popover through the app:// protocol, the same build the sync server serves to browsers.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: here('electron/main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: zod and the contract are bundled in, and the output
      // is CommonJS because sandboxed preloads cannot be ES modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
