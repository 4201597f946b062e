// Golden files for CLI output, as docker/cli keeps them: testdata/<name>.golden beside the test.
// UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";

const root = join(dirname(new URL(import.meta.url).pathname), "..", "testdata");

export function expectGolden(name: string, actual: string): void {
  const file = join(root, `${name}.golden`);
  if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env["CI"] === "true") throw new Error(`golden file ${name}.golden was missing`);
    return;
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
