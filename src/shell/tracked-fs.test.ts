import { InMemoryFs } from "just-bash";
import { describe, expect, it } from "vitest";
import { TrackedFs } from "./tracked-fs.js";

async function restored(files: Record<string, string>): Promise<TrackedFs> {
  const fs = new TrackedFs(new InMemoryFs());
  fs.mkdirSync("/home/learner", { recursive: true });
  await fs.restore(files);
  return fs;
}

describe("TrackedFs", () => {
  it("reports only the files commands touched, not restored or untouched ones", async () => {
    const fs = await restored({ "/home/learner/a.txt": "a", "/home/learner/b.txt": "b" });
    expect(await fs.takeChanges()).toEqual({});
    await fs.appendFile("/home/learner/a.txt", "+");
    await fs.mkdir("/home/learner/empty");
    expect(await fs.takeChanges()).toEqual({ "/home/learner/a.txt": "a+" });
    expect(await fs.takeChanges()).toEqual({});
  });

  it("names every file a removed directory took along", async () => {
    const fs = await restored({ "/home/learner/site/index.html": "i", "/home/learner/site/css/s.css": "s" });
    await fs.rm("/home/learner/site", { recursive: true });
    expect(await fs.takeChanges()).toEqual({
      "/home/learner/site/index.html": null,
      "/home/learner/site/css/s.css": null,
    });
  });

  it("follows copies and moves of whole directories", async () => {
    const fs = await restored({ "/home/learner/site/index.html": "i" });
    await fs.cp("/home/learner/site", "/home/learner/copy", { recursive: true });
    expect(await fs.takeChanges()).toEqual({ "/home/learner/copy/index.html": "i" });
    await fs.mv("/home/learner/copy", "/home/learner/moved");
    expect(await fs.takeChanges()).toEqual({
      "/home/learner/copy/index.html": null,
      "/home/learner/moved/index.html": "i",
    });
  });

  it("does not save scratch space, but saves what is moved out of it", async () => {
    const fs = await restored({});
    fs.mkdirSync("/tmp", { recursive: true });
    await fs.writeFile("/tmp/scratch", "x");
    expect(await fs.takeChanges()).toEqual({});
    await fs.mv("/tmp/scratch", "/home/learner/kept");
    expect(await fs.takeChanges()).toEqual({ "/home/learner/kept": "x" });
  });

  it("reports nothing for an operation that failed", async () => {
    const fs = await restored({});
    await expect(fs.rm("/home/learner/nothing-here")).rejects.toThrow();
    await expect(fs.cp("/home/learner/nothing-here", "/home/learner/copy")).rejects.toThrow();
    expect(await fs.takeChanges()).toEqual({});
  });
});
