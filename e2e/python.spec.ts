import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page.js";

// Real CPython (WebAssembly) runs in a nested worker, loaded from the site's own assets the first
// time python3 runs.
test.describe.configure({ timeout: 120_000 });

test("python3 runs real Python in a container, with its exit status and tracebacks", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await playground.open();
  await playground.run("docker pull python:3.13-slim");
  expect(requests.filter((url) => /python.*\.(wasm|zip)$/.test(url))).toEqual([]);

  const exited = await playground.run(`docker run --rm python:3.13-slim python3 -c "import sys; print(sum(range(10))); sys.exit(3)"; echo "status=$?"`);
  expect(exited).toMatch(/^45\s*$/m);
  expect(exited).toContain("status=3");

  const raised = await playground.run(`docker run --rm python:3.13-slim python3 -c "x = 0; print(1 / x)"; echo "status=$?"`);
  expect(raised).toContain("ZeroDivisionError: division by zero");
  expect(raised).toContain("status=1");

  const piped = await playground.run(`docker run --rm python:3.13-slim sh -c "echo 'print(6 * 7)' | python3"`);
  expect(piped).toMatch(/^42\s*$/m);

  // Everything came from the site itself: the runtime is bundled, not fetched from a CDN.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))).toEqual([]);
  expect(requests.some((url) => /python.*\.wasm$/.test(url))).toBe(true);
});

test("a script written on the host runs from a bind mount and writes its result back", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run(`mkdir -p app && echo gnirts > app/data.txt`);
  await playground.run(`echo 'import os; print(open("data.txt").read().strip()[::-1], os.getcwd(), os.environ["GREETING"])' > app/main.py`);
  await playground.run(`echo 'open("result.txt", "w").write("written by python")' >> app/main.py`);
  const ran = await playground.run("docker run --rm -e GREETING=hello -v /home/learner/app:/app -w /app python:3.13-slim python3 main.py");
  expect(ran).toMatch(/^string \/app hello\s*$/m);
  const result = await playground.run("cat app/result.txt; echo");
  expect(result).toContain("written by python");
});

test("a script that never ends is stopped by docker stop, and the playground stays responsive", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run(`docker run -d --name spin python:3.13-slim python3 -c "while True: pass"`);
  // While Python spins in its own worker, other commands still answer.
  const listed = await playground.run("docker ps --format '{{.Names}} {{.Status}}'");
  expect(listed).toMatch(/^spin Up/m);
  await playground.run("docker stop -t 1 spin");
  const stopped = await playground.run("docker ps -a --format '{{.Names}} {{.Status}}'");
  expect(stopped).toMatch(/^spin Exited \(137\)/m);

  // Attached with a terminal, Ctrl-C interrupts it (KeyboardInterrupt, status 130).
  await playground.type("clear");
  await playground.type(`docker run -it --rm python:3.13-slim python3 -c "while True: pass"`);
  await expect(async () => {
    await page.keyboard.press("Control+C");
    await expect(playground.screen()).toContainText("KeyboardInterrupt", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // Typed straight after it: run() would clear the screen first, and clear resets $?.
  await playground.type("echo status=$?");
  await expect(playground.screen()).toContainText("status=130");
});
