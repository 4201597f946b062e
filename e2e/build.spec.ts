import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./playground-page.js";

test("a Dockerfile written in the terminal builds into an image that runs, and rebuilds from cache", async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.run(`mkdir app && cd app && printf 'FROM alpine\\nRUN echo building > /built.txt\\nCOPY note.txt /\\nCMD ["cat", "/built.txt", "/note.txt"]\\n' > Dockerfile && echo from-the-host > note.txt`);

  const first = await playground.run("docker build -t myapp .");
  expect(first).toContain("Step 1/4 : FROM alpine");
  expect(first).toMatch(/Step 2\/4 : RUN echo building > \/built\.txt\s+---> Running in [0-9a-f]{12}/);
  expect(first).toContain("Successfully tagged myapp:latest");
  await expect(page.getByRole("region", { name: "Images" }).getByText("myapp:latest")).toBeVisible();

  const ran = await playground.run("docker run --rm myapp");
  expect(ran).toMatch(/building\s+from-the-host/);

  // The context changes: the steps before COPY come from the cache, the rest run again.
  await playground.run("echo changed > note.txt");
  const second = await playground.run("docker build -t myapp . 2>/dev/null | grep -c 'Using cache'");
  expect(second).toMatch(/^1\s*$/m);
  expect(await playground.run("docker run --rm myapp")).toMatch(/building\s+changed/);
});
