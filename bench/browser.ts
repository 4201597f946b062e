// Start-up and command latency of the built playground in headless Chromium.
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";

export interface BrowserFigures {
  readyMs: number[];
  jsBeforeReadyGzipBytes: number;
  jsFiles: string[];
  psEnterToOutputMs: number[];
}

const chromiumArgs = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export async function measureBrowser(url: string, runs: number): Promise<BrowserFigures> {
  const browser = await chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", args: chromiumArgs });
  const readyMs: number[] = [];
  let jsBytes = 0;
  let jsFiles: string[] = [];
  const psMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const scripts = new Map<string, Promise<number>>();
      let ready = false;
      page.on("response", (response) => {
        const type = response.request().resourceType();
        if (!ready && (type === "script" || response.url().endsWith(".js"))) {
          scripts.set(response.url(), response.body().then((b) => gzipSync(b).length, () => 0));
        }
      });
      // Timed inside the page, from navigation start to the first frame in which the terminal
      // is marked ready and shows its prompt.
      await page.addInitScript(() => {
        const w = window as unknown as { terminalReadyAt?: number };
        const observer = new MutationObserver(() => {
          const terminal = document.querySelector('[data-testid="terminal"][data-ready="true"]');
          if (terminal && (terminal.querySelector(".xterm-rows")?.textContent ?? "").includes("$")) {
            w.terminalReadyAt = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      await page.goto(url);
      await page.locator('[data-testid="terminal"][data-ready="true"] .xterm-rows', { hasText: "$" }).waitFor();
      readyMs.push(await page.evaluate(() => (window as unknown as { terminalReadyAt: number }).terminalReadyAt));
      ready = true;
      if (run === 0) {
        jsBytes = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
        jsFiles = [...scripts.keys()].map((u) => new URL(u).pathname);
        psMs.push(...(await measurePs(page, 20)));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { readyMs, jsBeforeReadyGzipBytes: jsBytes, jsFiles, psEnterToOutputMs: psMs };
}

/** Time from the Enter keydown to the table header appearing in the terminal's DOM. */
async function measurePs(page: Page, samples: number): Promise<number[]> {
  const textarea = page.locator(".xterm-helper-textarea");
  await textarea.focus();
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    await page.keyboard.type("clear");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !(document.querySelector(".xterm-rows")?.textContent ?? "").includes("CONTAINER ID"));
    await page.keyboard.type("docker ps");
    // Arm the listeners first, then press Enter, then collect: no race with the keypress.
    await page.evaluate(() => {
      const rows = document.querySelector(".xterm-rows");
      const w = window as unknown as { psResult?: Promise<number> };
      w.psResult = new Promise<number>((resolve) => {
        let pressed = 0;
        document.addEventListener("keydown", (e) => {
          if (e.key === "Enter") pressed = performance.now();
        }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (pressed && (rows?.textContent ?? "").includes("CONTAINER ID")) {
            observer.disconnect();
            resolve(performance.now() - pressed);
          }
        });
        if (rows) observer.observe(rows, { childList: true, subtree: true, characterData: true });
      });
    });
    await page.keyboard.press("Enter");
    const measured = page.evaluate(() => (window as unknown as { psResult: Promise<number> }).psResult);
    out.push(await measured);
  }
  return out;
}
