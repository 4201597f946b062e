import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page.js";

test("the terminal edits lines, interrupts, clears and follows logs like a real one", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const keys = page.keyboard;
  await playground.terminal.locator(".xterm-helper-textarea").focus();

  // Editing: Home jumps to the start, Ctrl-E to the end, Ctrl-W deletes a word.
  await keys.type("echo world");
  await keys.press("Home");
  await keys.press("ArrowRight");
  await keys.press("ArrowRight");
  await keys.press("ArrowRight");
  await keys.press("ArrowRight");
  await keys.press("ArrowRight");
  await keys.type("hello ");
  await keys.press("Control+E");
  await keys.type(" extra");
  await keys.press("Control+W");
  await keys.press("Enter");
  await expect.poll(() => playground.screenText()).toMatch(/echo hello world \n+hello world\n/);

  // Ctrl-C abandons the line being typed.
  await keys.type("docker rm everything");
  await keys.press("Control+C");
  await expect(playground.screen()).toContainText("docker rm everything^C");

  // Ctrl-L clears the screen but keeps the line.
  await keys.type("docker ps");
  await keys.press("Control+L");
  await expect.poll(async () => (await playground.screenText()).trim().split("\n").length).toBe(1);
  await expect(playground.screen()).toContainText("docker ps");
  await keys.press("Control+U");

  // A streaming command runs until Ctrl-C, then the prompt returns.
  await playground.run("docker run -d --name pinger redis");
  await playground.type("clear");
  await playground.type("docker logs -f pinger");
  await expect(playground.screen()).toContainText("Ready to accept connections tcp");
  await keys.press("Control+C");
  await expect(playground.screen()).toContainText("^C");
  expect(await playground.run("echo back")).toMatch(/\nback\s*\n/);

  // Shell substitution over docker: remove everything at once.
  await playground.run("docker rm -f $(docker ps -aq)");
  await expect(playground.panel("Containers").locator('[data-testid="container-row"]')).toHaveCount(0);
});

test("the terminal refits when the window is resized", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const columns = () => playground.screen().evaluate((rows) => (rows.firstElementChild?.textContent ?? "").length);
  const wide = await columns();
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(columns).toBeLessThan(wide);
  // The shell wraps at the new width: a long line continues on the next row.
  const long = `echo ${"x".repeat(120)}`;
  await playground.run(long);
  await expect(playground.screen()).toContainText("xxxxxxxx");
});

test("screen reader mode keeps an accessible copy of the terminal, across reloads", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await page.getByLabel("Screen reader mode").check();
  await playground.run("echo spoken aloud");
  await expect(page.locator(".xterm-accessibility-tree")).toContainText("spoken aloud");
  await page.reload();
  await playground.ready();
  await expect(page.getByLabel("Screen reader mode")).toBeChecked();
  await expect(page.locator(".xterm-accessibility-tree")).toContainText("learner@playground");
});
