// Healthchecks (daemon/health.go): a probe command runs in the container every interval (every
// start interval during the start period), with a timeout; its exit status drives the health
// status: healthy at the first success, unhealthy after `retries` failures in a row (failures
// in the start period do not count). The last five results are kept for inspect.
import type { HealthConfig } from "../images/image-record.js";
import type { Clock } from "../ports.js";
import { goDurationString, rfc3339Nano } from "../time-format.js";

export type HealthStatus = "starting" | "healthy" | "unhealthy";

export interface HealthLogEntry {
  Start: string;
  End: string;
  ExitCode: number;
  Output: string;
}

export interface HealthState {
  Status: HealthStatus;
  FailingStreak: number;
  Log: HealthLogEntry[];
}

export interface ProbeResult {
  exitCode: number;
  output: string;
}

const NS_PER_MS = 1_000_000;
const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_START_INTERVAL = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG_ENTRIES = 5;
const MAX_OUTPUT = 4096;

/** The probe's argv, or undefined when there is no healthcheck (none set, or NONE). */
export function probeCommand(config: HealthConfig | undefined): string[] | undefined {
  const test = config?.Test;
  if (!test || test.length === 0) return undefined;
  const [kind, ...rest] = test;
  if (kind === "NONE") return undefined;
  if (kind === "CMD-SHELL") return ["/bin/sh", "-c", rest.join(" ")];
  if (kind === "CMD") return rest.length > 0 ? rest : undefined;
  return undefined;
}

function duration(ns: number | undefined, fallback: number): number {
  return ns && ns > 0 ? ns / NS_PER_MS : fallback;
}

export interface HealthMonitorOptions {
  config: HealthConfig;
  argv: string[];
  clock: Clock;
  startedAt: number;
  /** Runs the probe in the container; `kill` ends it when the timeout passes. */
  probe(argv: string[]): { result: Promise<ProbeResult>; kill(): void };
  /** The state changed (a probe finished); `statusChanged` when Status moved. */
  onUpdate(state: HealthState, statusChanged: boolean): void;
}

export class HealthMonitor {
  readonly state: HealthState = { Status: "starting", FailingStreak: 0, Log: [] };
  private cancel: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: HealthMonitorOptions) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  private inStartPeriod(now: number): boolean {
    return now < this.options.startedAt + duration(this.options.config.StartPeriod, 0);
  }

  private schedule(): void {
    if (this.stopped) return;
    const { config, clock } = this.options;
    const starting = this.state.Status === "starting" && this.inStartPeriod(clock.now());
    const wait = starting ? duration(config.StartInterval, DEFAULT_START_INTERVAL) : duration(config.Interval, DEFAULT_INTERVAL);
    this.cancel = clock.setTimer(wait, () => void this.run());
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    const { clock, config } = this.options;
    const start = clock.now();
    const timeout = duration(config.Timeout, DEFAULT_TIMEOUT);
    const running = this.options.probe(this.options.argv);
    let timedOut = false;
    const cancelTimeout = clock.setTimer(timeout, () => {
      timedOut = true;
      running.kill();
    });
    const result = await running.result;
    cancelTimeout();
    if (this.stopped) return;
    const end = clock.now();
    const entry: HealthLogEntry = timedOut
      ? { Start: rfc3339Nano(start), End: rfc3339Nano(end), ExitCode: -1, Output: `Health check exceeded timeout (${goDurationString(timeout * 1e6)})` }
      : { Start: rfc3339Nano(start), End: rfc3339Nano(end), ExitCode: result.exitCode, Output: result.output.slice(0, MAX_OUTPUT) };
    const before = this.state.Status;
    this.state.Log = [...this.state.Log, entry].slice(-MAX_LOG_ENTRIES);
    if (entry.ExitCode === 0) {
      this.state.FailingStreak = 0;
      this.state.Status = "healthy";
    } else if (!(this.state.Status === "starting" && this.inStartPeriod(start))) {
      this.state.FailingStreak++;
      if (this.state.FailingStreak >= (config.Retries && config.Retries > 0 ? config.Retries : DEFAULT_RETRIES)) this.state.Status = "unhealthy";
    }
    this.options.onUpdate(this.state, before !== this.state.Status);
    this.schedule();
  }
}
