import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { builtinModules } from "node:module";

// Every Node built-in, with and without the node: prefix (pure code runs in a browser worker too).
const noNode = builtinModules.filter((m) => !m.startsWith("_")).flatMap((m) => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "public/data/", "coverage/", "tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  // Architecture rules (see README "Architecture"): the pipeline and the model are pure and run in a browser worker too.
  {
    files: ["src/pipeline/**/*.ts", "src/model/**/*.ts", "src/exporters/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: noNode.map((name) => ({ name, message: "pipeline/, model/ and exporters/ are pure: no Node built-ins (only src/cli touches the file system)." })),
        patterns: [
          { group: ["**/app/**", "**/cli/**"], message: "pipeline/, model/ and exporters/ never import app/ or cli/." },
          { group: ["node:*"], message: "pipeline/, model/ and exporters/ are pure: no Node built-ins." },
          { group: ["sigma", "sigma/*", "@react-sigma/*", "react", "react-dom"], message: "No UI libraries outside src/app." },
        ],
      }],
      "no-restricted-globals": ["error",
        { name: "process", message: "Pure code takes options, not process state." },
        { name: "Buffer", message: "Pure code runs in browsers too: use Uint8Array / TextEncoder." },
        { name: "require", message: "ES modules only." },
        { name: "__dirname", message: "Pure code has no file system." },
        { name: "document", message: "No DOM in pure code." },
        { name: "window", message: "No DOM in pure code." },
        { name: "localStorage", message: "No DOM in pure code." },
        { name: "navigator", message: "No DOM in pure code." }],
    },
  },
  // bench/ (synthetic corpora for benchmarks and tests) is support code: the product never depends on it. A rule of its
  // own, so it adds to the import rules below instead of replacing them.
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": ["error",
        { selector: "ImportDeclaration[source.value=/(^|\\/)bench\\//]", message: "src/ never imports bench/ (benchmark and test support)." },
        { selector: "ImportExpression[source.value=/(^|\\/)bench\\//]", message: "src/ never imports bench/ (benchmark and test support)." }],
    },
  },
  // model/ is the contract: it imports nothing of ours; exporters/ read the contract only.
  {
    files: ["src/model/**/*.ts", "src/exporters/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: noNode.map((name) => ({ name, message: "model/ and exporters/ are pure: no Node built-ins." })),
        patterns: [
          { group: ["**/app/**", "**/cli/**", "**/pipeline/**"], message: "model/ imports nothing of ours; exporters/ import model/ only." },
          { group: ["node:*"], message: "No Node built-ins in pure code." },
          { group: ["sigma", "sigma/*", "@react-sigma/*", "react", "react-dom"], message: "No UI libraries outside src/app." },
        ],
      }],
    },
  },
  {
    files: ["src/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: noNode.map((name) => ({ name, message: "model/ is pure: no Node built-ins." })),
        patterns: [
          { group: ["../**", "./../**", "**/exporters/**"], message: "model/ imports nothing of ours." },
          { group: ["node:*"], message: "No Node built-ins in pure code." },
        ],
      }],
    },
  },
  {
    files: ["src/app/**/*.{ts,tsx}"],
    ignores: ["src/app/canvas/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["**/cli/**"], message: "app/ never imports cli/." },
          { group: ["sigma", "sigma/*", "@react-sigma/*", "@sigma/*"], message: "Only src/app/canvas talks to sigma." },
        ],
      }],
    },
  },
  {
    files: ["src/app/canvas/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/cli/**"], message: "app/ never imports cli/." }] }],
    },
  },
);
