// docker cp, export, save, load and import: the real CLI's recorded session replayed through our
// CLI (testdata/archive-cli.json, recorded by testdata/record-archive-cli.sh), then what the
// recordings cannot show: the files and archives themselves.
import { describe, expect, it } from "vitest";
import { readTar, writeTar } from "../../client/index.js";
import { CliHarness } from "../testing/harness.js";
import recorded from "../testdata/archive-cli.json" with { type: "json" };

interface Fixture {
  name: string;
  tty: boolean;
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

const fixtures = recorded.fixtures as Fixture[];
const names = (tar: Uint8Array) => readTar(tar).map((e) => e.name);

async function session(): Promise<CliHarness> {
  const cli = new CliHarness();
  await cli.docker("pull", "-q", "alpine");
  await cli.docker("create", "--name", "c1", "alpine");
  cli.hostFiles.put("site/index.html", "<h1>hi</h1>\n");
  cli.hostFiles.put("site/css/a.css", "body{}\n");
  cli.hostFiles.put("garbage.txt", "garbage\n");
  return cli;
}

describe("our CLI prints what docker 28.2.2 printed for cp, export, save, load and import", () => {
  it("replays the recorded session", async () => {
    const cli = await session();
    const other = new CliHarness();
    for (const fixture of fixtures) {
      if (fixture.name === "load-file") await cli.docker("save", "-o", "alpine.tar", "alpine");
      let target = cli;
      if (fixture.name === "load-new-layer-tty") {
        const exported = await cli.dockerBytes({}, "export", "c1");
        await cli.dockerBytes({ stdin: exported.bytes }, "import", "-", "imported:1");
        const saved = await cli.dockerBytes({}, "save", "imported:1");
        other.hostFiles.put("imported.tar", saved.bytes);
        target = other;
      }
      const ours = await target.dockerBytes({ tty: fixture.tty }, ...fixture.argv);
      const id = (text: string) => text.replace(/[0-9a-f]{12}: /g, "<id>: ");
      expect({ name: fixture.name, exitCode: ours.exitCode, stdout: id(ours.stdout), stderr: ours.stderr }).toEqual({
        name: fixture.name,
        exitCode: fixture.exitCode,
        stdout: id(fixture.stdout),
        stderr: fixture.stderr,
      });
    }
  });
});

describe("docker cp", () => {
  it("copies both ways with docker's naming rules, on a container that never ran", async () => {
    const cli = await session();
    await cli.docker("cp", "c1:/etc/os-release", ".");
    expect(cli.hostFiles.text("os-release")).toContain('ID=alpine');
    await cli.docker("cp", "c1:/etc/apk", "apk-copy");
    expect(cli.hostFiles.text("apk-copy/arch")).toBe("x86_64\n");
    await cli.docker("cp", "c1:/etc/apk/.", "existing/");
    expect((await cli.docker("cp", "c1:/etc/apk/.", "apk-copy")).exitCode).toBe(0);
    await cli.docker("cp", "site", "c1:/srv");
    await cli.docker("cp", "site/.", "c1:/opt");
    await cli.docker("cp", "site/index.html", "c1:/root/renamed.html");
    expect((await cli.docker("diff", "c1")).stdout.split("\n")).toEqual([
      "C /opt", "A /opt/css", "A /opt/css/a.css", "A /opt/index.html", "C /root", "A /root/renamed.html",
      "C /srv", "A /srv/site", "A /srv/site/css", "A /srv/site/css/a.css", "A /srv/site/index.html", "",
    ]);
    const tar = (await cli.dockerBytes({}, "cp", "c1:/srv/site", "-")).bytes;
    expect(names(tar)).toEqual(["site/", "site/css/", "site/css/a.css", "site/index.html"]);
    // A tar on stdin goes into a directory as it is.
    await cli.dockerBytes({ stdin: tar }, "cp", "-", "c1:/tmp");
    expect(names((await cli.dockerBytes({}, "cp", "c1:/tmp/site/.", "-")).bytes)).toEqual(["./", "./css/", "./css/a.css", "./index.html"]);
  });

  it("follows a symlink with -L and keeps it without", async () => {
    const cli = await session();
    await cli.docker("cp", "c1:/bin/sh", "sh-link");
    expect(await cli.hostFiles.lstat(cli.hostFiles.abs("sh-link"))).toMatchObject({ type: "symlink" });
    await cli.docker("cp", "-L", "c1:/bin/sh", "sh-file");
    expect(await cli.hostFiles.lstat(cli.hostFiles.abs("sh-file"))).toMatchObject({ type: "file" });
  });

  it("writes into volumes, and refuses read-only places with the daemon's words", async () => {
    const cli = await session();
    await cli.docker("create", "--name", "v1", "-v", "data:/data", "-v", "ro:/ro:ro", "--read-only", "alpine");
    expect(await cli.docker("cp", "site", "v1:/data")).toMatchObject({ exitCode: 0, stderr: "" });
    await cli.docker("create", "--name", "v2", "-v", "data:/mnt", "alpine");
    expect(names((await cli.dockerBytes({}, "cp", "v2:/mnt/site/index.html", "-")).bytes)).toEqual(["index.html"]);
    expect(await cli.docker("cp", "site", "v1:/ro")).toEqual({ stdout: "", stderr: "Error response from daemon: mounted volume is marked read-only\n", exitCode: 1 });
    expect(await cli.docker("cp", "site", "v1:/tmp")).toEqual({ stdout: "", stderr: "Error response from daemon: container rootfs is marked read-only\n", exitCode: 1 });
    expect(await cli.docker("cp", "site/index.html", "v1:/etc/hostname")).toMatchObject({ exitCode: 1 });
  });

  it("refuses to put a file over a directory or a directory over a file", async () => {
    const cli = await session();
    cli.hostFiles.put("etc", "not a directory\n");
    expect((await cli.docker("cp", "etc", "c1:/")).stderr).toBe('Error response from daemon: cannot overwrite directory "/etc" with non-directory "/"\n');
    cli.hostFiles.put("dir/hosts/x", "x\n");
    expect((await cli.docker("cp", "dir/hosts", "c1:/etc/")).stderr).toBe('Error response from daemon: cannot overwrite non-directory "/etc/hosts" with directory "/etc"\n');
    expect((await cli.docker("cp", "c1:/etc", "site/index.html")).stderr).toBe("cannot copy directory\n");
  });
});

describe("docker export, save, load and import", () => {
  it("exports the root without mounts, with the init layer's files", async () => {
    const cli = await session();
    const { bytes, exitCode } = await cli.dockerBytes({}, "export", "c1");
    expect(exitCode).toBe(0);
    const entries = readTar(bytes);
    expect(entries[0]).toMatchObject({ name: ".dockerenv", type: "file", mode: 0o755 });
    expect(entries.find((e) => e.name === "etc/hosts")?.data?.length).toBe(0);
    expect(entries.find((e) => e.name === "etc/mtab")).toMatchObject({ type: "symlink", linkname: "/proc/mounts" });
    await cli.docker("export", "-o", "c1.tar", "c1");
    expect((await cli.hostFiles.lstat(cli.hostFiles.abs("c1.tar")))?.mode).toBe(0o600);
  });

  it("saves in Docker 25's layout, loads it back, and imports with --change", async () => {
    const cli = await session();
    const saved = await cli.dockerBytes({}, "save", "alpine");
    expect(names(saved.bytes).filter((n) => !/^blobs\/sha256\/./.test(n))).toEqual(["blobs/", "blobs/sha256/", "index.json", "manifest.json", "oci-layout", "repositories"]);
    expect(names(saved.bytes).filter((n) => /^blobs\/sha256\/[0-9a-f]{64}$/.test(n))).toHaveLength(4);
    await cli.docker("rm", "c1");
    await cli.docker("rmi", "alpine");
    expect(await cli.dockerBytes({ stdin: saved.bytes }, "load")).toMatchObject({ stdout: "Loaded image: alpine:latest\n", exitCode: 0 });
    // A root made by hand has no shell and no cat; one exported from a container has both.
    const bare = await cli.dockerBytes({ stdin: writeTar([{ name: "hello.txt", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new TextEncoder().encode("hi\n") }]) }, "import", "-", "bare");
    expect(bare.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await cli.docker("image", "inspect", "-f", "{{.Size}} {{len .RootFS.Layers}}", "bare")).stdout).toBe("3 1\n");
    await cli.docker("create", "--name", "c2", "alpine");
    cli.hostFiles.put("hello.txt", "hi\n");
    await cli.docker("cp", "hello.txt", "c2:/");
    const exported = await cli.dockerBytes({}, "export", "c2");
    const imported = await cli.dockerBytes({ stdin: exported.bytes }, "import", "-c", 'CMD ["cat","/hello.txt"]', "-", "hello:1");
    expect(imported.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect((await cli.docker("image", "inspect", "-f", "{{json .Config.Cmd}} {{.Comment}}", "hello:1")).stdout).toBe('["cat","/hello.txt"] Imported from -\n');
    expect((await cli.docker("run", "--rm", "hello:1")).stdout).toBe("hi\n");
  });
});
