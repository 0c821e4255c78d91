import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The app is served from the repository root; public/data/graph.json is written by `npm run graph`.
export default defineConfig({
  root: ".",
  base: "./",
  plugins: [react()],
  // The pipeline worker (listings dropped on the explorer) is an ES module like the app.
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 5173 },
});
