// The entries docker CLI 28.2.2 put in the build context it sent for each .dockerignore of
// src/cli/testdata/build-contexts.json (recorded by scripts/record-build-contexts.mjs), against
// what our archiver puts in, byte count included.
import { describe, expect, it } from "vitest";
import { readTar } from "../../client/index.js";
import recorded from "../testdata/build-contexts.json" with { type: "json" };
import { MemoryHostFiles } from "../testing/memory-host-files.js";
import { readDockerignore, tarContextDir, validateContextDirectory } from "./build-archive.js";

describe("the build context leaves out what .dockerignore says, as docker's does", () => {
  for (const { dockerignore, size, entries } of recorded.cases) {
    it(JSON.stringify(dockerignore), async () => {
      const files = new MemoryHostFiles("/ctx", () => 0);
      for (const file of recorded.files) files.put(file, file === "Dockerfile" ? "FROM scratch\n" : `${file}\n`);
      if (dockerignore !== "") files.put(".dockerignore", dockerignore);
      const excludes = await readDockerignore(files, "/ctx");
      await validateContextDirectory(files, "/ctx", excludes);
      const archive = await tarContextDir(files, "/ctx", excludes, "Dockerfile", false);
      expect(readTar(archive).map((e) => e.name)).toEqual(entries);
      expect(archive.length).toBe(size);
    });
  }
});
