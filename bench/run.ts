// npm run bench: builds the site, serves it, and prints the figures the issues ask for.
import { execSync, spawn } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { measureBrowser } from "./browser.js";
import { measureRuntime } from "./runtime.js";
import { measureBuild } from "./build.js";
import { measureEngine } from "./engine.js";
import { measureHttp } from "./http.js";

const fmt = (n: number) => n.toFixed(1);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return `median ${fmt(at(0.5))} ms, p95 ${fmt(at(0.95))} ms, min ${fmt(s[0] ?? 0)} ms (n=${s.length})`;
};

// `npm run bench -- --browser` stops after the browser figures (start-up work needs only those).
const browserOnly = process.argv.includes("--browser");

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? "?"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  execSync("npx vite build --logLevel error", { stdio: "inherit" });
  const server = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", "4183", "--strictPort"], { stdio: "ignore", detached: true });
  try {
    const url = "http://127.0.0.1:4183/";
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await measureBrowser(url, 5);
    console.log(`browser: navigation to a terminal accepting input: ${stats(browser.readyMs)}`);
    console.log(`browser: JavaScript fetched before the terminal is ready: ${(browser.jsBeforeReadyGzipBytes / 1000).toFixed(1)} kB gzip in ${browser.jsFiles.length} files (${browser.jsFiles.join(", ")})`);
    console.log(`browser: docker ps, Enter to output on screen: ${stats(browser.psEnterToOutputMs)}`);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
  if (browserOnly) return;
  const engine = await measureEngine();
  console.log(`engine (in-process): containers created and started per second: ${engine.createStartPerSecond} (containers 10,001 to 20,000 of one engine, code optimized); the first 10,000 in a cold process: ${engine.createStartColdPerSecond}`);
  console.log(`engine (in-process): GET /containers/json with 1,000 containers: ${fmt(engine.listMs[1000] ?? 0)} ms; with 10,000: ${fmt(engine.listMs[10000] ?? 0)} ms`);
  console.log(`engine (in-process): docker run --rm alpine echo hi (create, wait, start, exit, remove): ${fmt(engine.runRmEchoMs)} ms median`);
  const runtime = await measureRuntime();
  console.log(`engine (in-process): HTTP requests per second from one container to an nginx container: ${runtime.containerToNginxRequestsPerSecond}`);
  console.log(`engine (in-process): docker exec box wget -qO- http://web/ (just-bash in the container, nginx answering): ${fmt(runtime.wgetExecMs)} ms median`);
  console.log(`engine (in-process): heap per running nginx container: ${runtime.heapPerRunningContainerKb} kB${(globalThis as { gc?: unknown }).gc ? "" : " (without --expose-gc: rough)"}`);
  const build = await measureBuild();
  console.log(`engine (in-process): docker build, 4 steps (RUN, COPY of 20 files): ${fmt(build.coldMs)} ms median; again, every step from the cache: ${fmt(build.cachedMs)} ms`);
  const http = await measureHttp();
  if (http.cliPsMs) {
    const s = [...http.cliPsMs].sort((a, b) => a - b);
    console.log(`daemon (HTTP, loopback): real docker CLI \`docker ps\` end to end: median ${fmt(s[Math.floor(s.length / 2)] ?? 0)} ms, p99 ${fmt(s[s.length - 1] ?? 0)} ms (n=${s.length}, includes the CLI's own start-up)`);
    const r = [...(http.cliRunRmMs ?? [])].sort((a, b) => a - b);
    console.log(`daemon (HTTP, loopback): real docker CLI \`docker run --rm alpine echo hi\`: median ${fmt(r[Math.floor(r.length / 2)] ?? 0)} ms (n=${r.length}, includes the CLI's start-up)`);
  } else {
    console.log("daemon (HTTP, loopback): docker CLI not installed, CLI latency skipped");
  }
  console.log(`daemon (HTTP, loopback): GET /containers/json from 50 concurrent keep-alive clients: ${http.requestsPerSecond} requests/s`);
}

void main();
