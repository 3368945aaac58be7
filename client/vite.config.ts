/** Vite config for the browser client: root `client/`, output `client/dist`. */
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

const clientDir = fileURLToPath(new URL(".", import.meta.url));
const repoDir = resolve(clientDir, "..");
const serverUrl = "http://localhost:2567";
const wsUrl = "ws://localhost:2567";

export default defineConfig({
  root: clientDir,
  base: "/",
  build: {
    outDir: resolve(clientDir, "dist"),
    emptyOutDir: true,
    // Phaser alone is ~1.2 MB minified; keep it in its own chunk and don't warn about it.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repoDir] },
    proxy: {
      "/maps": serverUrl,
      "/api": serverUrl,
      "/health": serverUrl,
      "/matchmake": serverUrl,
      // Colyseus room sockets live at /<processId>/<roomId>?sessionId=...
      "^/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+\\?sessionId=": { target: wsUrl, ws: true },
    },
  },
});
