import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { layeringRule } from "./eslint/layering.js";

const pureLayers = ["src/engine/**", "src/protocol/**", "src/client/**", "src/cli/**", "src/shell/**"];
const clockMessage = "Pure layers take time from the injected Clock port (engine/ports.ts), never from the host.";
const randomMessage = "Pure layers take randomness from the injected IdSource port (engine/ports.ts).";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    plugins: { local: { rules: { layering: layeringRule } } },
    rules: {
      "local/layering": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: pureLayers,
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "Date", property: "now", message: clockMessage },
        { object: "Math", property: "random", message: randomMessage },
        { object: "performance", property: "now", message: clockMessage },
        { object: "crypto", property: "getRandomValues", message: randomMessage },
      ],
      "no-restricted-globals": [
        "error",
        { name: "setTimeout", message: clockMessage },
        { name: "setInterval", message: clockMessage },
        { name: "window", message: "Pure layers have no DOM." },
        { name: "document", message: "Pure layers have no DOM." },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: clockMessage },
      ],
    },
  },
  {
    files: ["src/ui/**", "e2e/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["src/node/**", "bench/**", "eslint/**", "*.config.*", "e2e/**", "bin/**", "test/**", "scripts/**", "src/**/testing/**", "src/**/*.test.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
);
