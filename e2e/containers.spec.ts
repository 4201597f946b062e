import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page.js";

test("an interactive shell in a container: docker exec -it, typing, exit", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run("docker run -d --name box alpine sleep 1000");
  await playground.type("clear");
  await playground.type("docker exec -it box sh");
  await expect.poll(() => playground.screenText()).toMatch(/^\/ #\s*$/m);
  await page.keyboard.type("echo made-in-$(hostname) > /tmp/mark; cat /etc/alpine-release");
  await page.keyboard.press("Enter");
  await expect.poll(() => playground.screenText()).toMatch(/^3\.22\.\d+\s*$/m);
  await page.keyboard.type("exit");
  await page.keyboard.press("Enter");
  await expect.poll(() => playground.screenText()).toMatch(/learner@playground:~\$\s*$/m);
  const diff = await playground.run("docker diff box");
  expect(diff).toContain("A /tmp/mark");
});

test("a bind mount edited from the host is what nginx serves in the preview", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run("mkdir -p site && echo '<h1 id=greeting>first version</h1>' > site/index.html");
  await playground.run("docker run -d -p 8080:80 --name web -v /home/learner/site:/usr/share/nginx/html nginx");
  await page.getByTestId("tab-preview").click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator("#greeting")).toHaveText("first version");
  await expect(page.getByTestId("preview-status")).toHaveText("200 OK");

  // Edit the page on the host; the container sees the change at once.
  await playground.run("echo '<h1 id=greeting>second version</h1>' > site/index.html");
  await page.getByRole("button", { name: "Reload" }).click();
  await expect(frame.locator("#greeting")).toHaveText("second version");
  const logs = await playground.run("docker logs web 2>/dev/null | tail -n 1");
  expect(logs).toMatch(/"GET \/ HTTP\/1\.1" 200 \d+/);
});
