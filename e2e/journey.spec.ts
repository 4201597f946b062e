import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page.js";

test("a learner runs nginx, sees it in the panels and graph, and finds it again after a reload", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();

  // The default networks exist before anything runs.
  for (const name of ["bridge", "host", "none"]) {
    await expect(playground.panel("Networks").locator(`[data-testid="network-row"][data-name="${name}"]`)).toBeVisible();
  }

  const run = await playground.run("docker run -d -p 8080:80 --name web nginx");
  expect(run).toContain("Unable to find image 'nginx:latest' locally");
  expect(run).toMatch(/[0-9a-f]{64}/);

  await expect(playground.containerRow("web")).toHaveAttribute("data-state", "running");
  await expect(playground.panel("Images").locator('[data-testid="image-row"][data-name="nginx:latest"]')).toBeVisible();
  await expect(playground.graphNode("container", "web")).toBeVisible();
  await expect(page.locator('[data-testid="port-edge"][data-container="web"]')).toContainText("8080→80/tcp");

  // The terminal wraps long rows at its width; joined back, they are docker's table.
  const ps = (await playground.run("docker ps")).replace(/\n/g, "");
  expect(ps).toContain("CONTAINER ID   IMAGE     COMMAND                  CREATED");
  expect(ps).toMatch(/ {3}STATUS {8,}PORTS {37}NAMES/);
  expect(ps).toMatch(/[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}.+ {3}Up .+ {3}0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp {3}web/);

  // The host shell: pipes, redirections and command substitution around docker.
  expect(await playground.run("docker ps -q | wc -l")).toMatch(/\n1\s*\n/);
  expect(await playground.run("echo hi > notes.txt && cat notes.txt")).toMatch(/\nhi\s*\n/);

  // Bad input gets Docker's own words, and nothing changes.
  const bad = await playground.run("docker frobnicate");
  expect(bad).toContain("docker: unknown command: docker frobnicate");
  expect(bad).toContain("Run 'docker --help' for more information");
  const clash = (await playground.run("docker run -d -p 8080:80 nginx")).replace(/\n/g, "");
  expect(clash).toContain("Bind for 0.0.0.0:8080 failed: port is already allocated");

  await page.reload();
  await playground.ready();
  // A reload is a daemon restart: the container is still there, stopped as dockerd leaves it.
  await expect(playground.containerRow("web")).toBeVisible();
  await expect(playground.containerRow("web")).toHaveAttribute("data-state", "exited");
  expect(await playground.run("cat notes.txt")).toMatch(/\nhi\s*\n/);

  // History survives the reload: Up brings back the last command.
  await playground.terminal.locator(".xterm-helper-textarea").focus();
  await page.keyboard.press("ArrowUp");
  await expect(playground.screen()).toContainText("cat notes.txt");
  await page.keyboard.press("Control+U");
});

test("panel buttons type the command they teach", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run("docker run -d --name cache redis");
  await expect(playground.containerRow("cache")).toHaveAttribute("data-state", "running");
  await playground.type("clear");
  await playground.containerRow("cache").getByRole("button", { name: "Stop cache" }).click();
  await expect(playground.screen()).toContainText("docker stop cache");
  await expect(playground.containerRow("cache")).toHaveAttribute("data-state", "exited");
});

test("reset returns to a fresh engine after confirmation", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run("docker create --name temp alpine");
  await expect(playground.containerRow("temp")).toBeVisible();
  await page.getByRole("button", { name: "Reset playground" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reset" }).click();
  await expect(playground.containerRow("temp")).toHaveCount(0);
  await expect(playground.panel("Images").locator('[data-testid="image-row"]')).toHaveCount(0);
  await page.reload();
  await playground.ready();
  await expect(playground.containerRow("temp")).toHaveCount(0);
});

test("a second tab asks before taking the playground over", async ({ page, context }) => {
  const first = new PlaygroundPage(page);
  await first.open();
  const other = await context.newPage();
  await other.goto("./");
  await expect(other.getByText("The playground is open in another tab")).toBeVisible();
  await other.getByRole("button", { name: "Use it here" }).click();
  const second = new PlaygroundPage(other);
  await second.ready();
  await expect(page.getByText("The playground was opened in another tab")).toBeVisible();
});
