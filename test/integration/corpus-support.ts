// What the corpus tests share: the normaliser (ids, times, ages, table padding, help prose)
// and a driver that moves our engine's manual clock while a command runs.
import { join } from "node:path";
import type { CliHarness, CliResult } from "../../src/cli/testing/harness.js";
import { skeleton } from "../../src/cli/testing/help-skeleton.js";
import { normalise } from "./docker-cli-runner.js";

export interface RecordedLine {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What the real docker CLI printed for each corpus line, normalised. */
export const corpusFixture = join(import.meta.dirname, "fixtures", "corpus.json");

const ages = /\b(\d+|About an?) (hours?|days|weeks|months|years) ago\b/g;
// Help pages keep docker's structure but use our own descriptions: compare their skeletons.
const withoutProse = (text: string) => (text.startsWith("Usage:") ? skeleton(text).join("\n") : text);
export const normal = (text: string) =>
  normalise(withoutProse(text)).replace(ages, "<age> ago").replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC/g, "<created>").replace(/ {2,}/g, "  ");

/**
 * Our engine runs on a ManualClock, so `stop -t 1` would wait forever: time moves a second
 * between lines (as between typed commands, which also keeps creation times apart for ps -l)
 * and 100 ms at every turn of the event loop while a command is still running.
 */
export async function driven(harness: CliHarness, argv: string[]): Promise<CliResult> {
  harness.clock.advance(1000);
  let done = false;
  const result = harness.docker(...argv).finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Time moves only for timers: waiting on a module load must not age the containers.
    if (!done && harness.clock.pending > 0) harness.clock.advance(100);
  }
  return result;
}

