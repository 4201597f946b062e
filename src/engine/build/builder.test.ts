import { describe, expect, it } from "vitest";
import { writeTar } from "../archive/tar-writer.js";
import type { TarEntry } from "../archive/tar-entry.js";
import { Engine, ManualClock, SeededIdSource, type ApiResponse } from "../index.js";

const encoder = new TextEncoder();

function context(files: Record<string, string>): Uint8Array {
  const entries: TarEntry[] = Object.entries(files).map(([name, text]) =>
    name.endsWith("/")
      ? { name, type: "dir", mode: 0o755, uid: 0, gid: 0, mtime: 0 }
      : { name, type: "file", mode: name.endsWith(".sh") ? 0o755 : 0o644, uid: 0, gid: 0, mtime: 0, data: encoder.encode(text) },
  );
  return writeTar(entries);
}

function setup() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(11) });
  const events: string[] = [];
  engine.ctx.events.subscribe((e) => events.push(`${e.Type} ${e.Action}`));
  return { engine, events };
}

async function build(engine: Engine, files: Record<string, string>, query: Record<string, string> = {}, tags: string[] = []) {
  const response: ApiResponse = await engine.handle({
    method: "POST",
    path: "/v1.50/build",
    query: { version: "1", ...query },
    ...(tags.length > 0 ? { queryLists: { t: tags } } : {}),
    body: context(files),
  });
  const messages: Record<string, unknown>[] = [];
  if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) messages.push(m as Record<string, unknown>);
  const text = messages.map((m) => (typeof m["stream"] === "string" ? m["stream"] : typeof m["status"] === "string" ? `[${m["status"]}]\n` : "")).join("");
  const error = messages.find((m) => m["errorDetail"]) as { errorDetail: { code: number; message: string } } | undefined;
  const aux = messages.filter((m) => m["aux"]).map((m) => (m["aux"] as { ID: string }).ID);
  return { response, messages, text, error: error?.errorDetail, aux };
}

const ids = (text: string) => text.replace(/[0-9a-f]{12}/g, "<id>");

describe("POST /build: the legacy builder", () => {
  it("runs each step, commits it and names the result", async () => {
    const { engine } = setup();
    const result = await build(
      engine,
      {
        Dockerfile: "FROM alpine\nRUN echo built > /greeting && echo to-stderr >&2\nCOPY app.sh /usr/local/bin/\nWORKDIR /srv/app\nENV MODE=prod\nCMD [\"app.sh\"]\n",
        "app.sh": "#!/bin/sh\necho running in $MODE\n",
      },
      {},
      ["demo:1"],
    );
    expect(result.error).toBeUndefined();
    const lines = ids(result.text).split("\n");
    expect(lines[0]).toBe("Step 1/6 : FROM alpine");
    expect(lines).toContain("Step 2/6 : RUN echo built > /greeting && echo to-stderr >&2");
    expect(lines).toContain(" ---> Running in <id>");
    expect(lines).toContain("\u001b[91mto-stderr");
    expect(lines).toContain(" ---> Removed intermediate container <id>");
    expect(lines).toContain("Step 3/6 : COPY app.sh /usr/local/bin/");
    expect(lines.slice(-3)).toEqual(["Successfully built <id>", "Successfully tagged demo:1", ""]);
    const image = engine.images.get("demo:1");
    expect(result.aux).toEqual([image.Id]);
    expect(image.Config.Cmd).toEqual(["app.sh"]);
    expect(image.Config.WorkingDir).toBe("/srv/app");
    expect(image.Config.Env).toContain("MODE=prod");
    const history = image.History.slice(-5).map((h) => [h.created_by, h.empty_layer === true]);
    expect(history[0]?.[0]).toBe("/bin/sh -c echo built > /greeting && echo to-stderr >&2");
    expect(history[1]?.[0]).toMatch(/^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \/usr\/local\/bin\/ $/);
    expect(history[2]).toEqual(["/bin/sh -c #(nop) WORKDIR /srv/app", false]);
    expect(history[3]).toEqual(["/bin/sh -c #(nop)  ENV MODE=prod", true]);
    expect(history[4]).toEqual(['/bin/sh -c #(nop)  CMD ["app.sh"]', true]);
    // No build container is left behind.
    expect(engine.containers.all()).toHaveLength(0);
    // The image runs what was built into it.
    const { Id } = engine.containers.create({ Image: "demo:1", Cmd: ["sh", "-c", "cat /greeting; app.sh; pwd"] }, "check");
    const out: string[] = [];
    engine.containers.attach(Id, (chunk) => chunk && out.push(chunk.data));
    engine.containers.start(Id);
    await engine.containers.wait(Id, "not-running");
    expect(out.join("")).toBe("built\nrunning in prod\n/srv/app\n");
  });

  it("takes unchanged steps from the cache, and rebuilds from the first changed one", async () => {
    const { engine } = setup();
    const files = { Dockerfile: "FROM alpine\nRUN echo one > /one\nCOPY a.txt /\nRUN cat /a.txt\n", "a.txt": "first\n" };
    const first = await build(engine, files);
    const again = await build(engine, files);
    expect(ids(again.text).match(/Using cache/g)).toHaveLength(3);
    expect(again.aux).toEqual(first.aux);
    const changed = await build(engine, { ...files, "a.txt": "second\n" });
    const text = ids(changed.text);
    expect(text.match(/Using cache/g)).toHaveLength(1);
    expect(text).toContain("second\n");
    expect(changed.aux).not.toEqual(first.aux);
    const fresh = await build(engine, files, { nocache: "1" });
    expect(fresh.text).not.toContain("Using cache");
  });

  it("reports a failing RUN in the stream with its exit code and keeps the failed container", async () => {
    const { engine } = setup();
    const result = await build(engine, { Dockerfile: "FROM alpine\nRUN echo about to fail && exit 3\nRUN echo never\n" });
    expect(result.response.status).toBe(200);
    expect(result.text).toContain("about to fail\n");
    expect(result.error).toEqual({ code: 3, message: "The command '/bin/sh -c echo about to fail && exit 3' returned a non-zero code: 3" });
    expect(result.text).not.toContain("never");
    expect(engine.containers.all().map((c) => c.State.Status)).toEqual(["exited"]);
    const forced = await build(engine, { Dockerfile: "FROM alpine\nRUN exit 1\n" }, { forcerm: "1" });
    expect(forced.error?.code).toBe(1);
    expect(engine.containers.all()).toHaveLength(1);
  });

  it("refuses what is wrong before any step with HTTP errors", async () => {
    const { engine } = setup();
    const missing = await build(engine, { "other.txt": "x" });
    expect(missing.response).toMatchObject({ status: 500, body: { message: "Cannot locate specified Dockerfile: Dockerfile" } });
    const empty = await build(engine, { Dockerfile: "\n# nothing\n" });
    expect(empty.response.status).toBe(400);
    const unknown = await build(engine, { Dockerfile: "FROM alpine\nFOO bar\n" });
    expect(unknown.response.status).toBe(400);
    expect((unknown.response.body as { message: string }).message).toMatch(/^dockerfile parse error on line 2: unknown instruction: FOO/);
    const target = await build(engine, { Dockerfile: "FROM alpine AS base\n" }, { target: "nope" });
    expect(target.response).toMatchObject({ status: 400, body: { message: 'target stage "nope" could not be found' } });
  });

  it("builds stages, copies between them, and stops at --target", async () => {
    const { engine } = setup();
    const files = {
      Dockerfile:
        "ARG BASE=alpine\nFROM $BASE AS compile\nRUN mkdir /out && echo artefact > /out/app.txt\nFROM busybox\nCOPY --from=compile /out/app.txt /app/\nCMD [\"cat\", \"/app/app.txt\"]\n",
    };
    const result = await build(engine, files, {}, ["multi"]);
    expect(result.error).toBeUndefined();
    expect(result.text).toContain("Step 1/6 : ARG BASE=alpine\n");
    expect(result.text).toContain("Step 2/6 : FROM $BASE AS compile\n");
    expect(result.aux).toHaveLength(2);
    const image = engine.images.get("multi");
    expect(engine.fs.imageLayers(image).some((layer) => layer.has("/app/app.txt"))).toBe(true);
    const only = await build(engine, files, { target: "compile" }, ["first-stage"]);
    expect(only.text).toContain("Step 3/3 : RUN");
    expect(engine.images.get("first-stage").Id).toBe(only.aux[0]);
  });

  it("passes declared build args to RUN, shows them in history, and warns about the rest", async () => {
    const { engine } = setup();
    const result = await build(engine, { Dockerfile: "FROM alpine\nARG NAME=world\nRUN echo hello $NAME\n" }, { buildargs: JSON.stringify({ NAME: "docker", UNUSED: "x" }) }, ["args"]);
    expect(result.text).toContain("hello docker\n");
    expect(result.text).toContain("[Warning] One or more build-args [UNUSED] were not consumed\n");
    const history = engine.images.get("args").History.at(-1)?.created_by;
    expect(history).toBe("|1 NAME=docker /bin/sh -c echo hello $NAME");
  });

  it("keeps -q quiet: only the image id, or everything when the build fails", async () => {
    const { engine } = setup();
    const ok = await build(engine, { Dockerfile: "FROM alpine\nRUN echo noisy\n" }, { q: "1" });
    expect(ok.messages).toEqual([{ stream: `${ok.aux[0] ?? "none"}\n` }].map(() => ({ stream: expect.stringMatching(/^sha256:[0-9a-f]{64}\n$/) })));
    const bad = await build(engine, { Dockerfile: "FROM alpine\nRUN echo noisy; exit 2\n" }, { q: "1" });
    expect(bad.text).toContain("noisy\n");
    expect(bad.error?.code).toBe(2);
  });

  it("refuses BuildKit-only flags and unknown base images in the stream", async () => {
    const { engine } = setup();
    const mount = await build(engine, { Dockerfile: "FROM alpine\nRUN --mount=type=cache,target=/x true\n" });
    expect(mount.error?.message).toBe("the --mount option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
    const missing = await build(engine, { Dockerfile: "FROM alpine\nCOPY nothere.txt /\n" });
    expect(missing.error?.message).toBe("COPY failed: file not found in build context or excluded by .dockerignore: stat nothere.txt: file does not exist");
    const base = await build(engine, { Dockerfile: "FROM no-such-image-here\n" });
    expect(base.text).toContain("Step 1/1 : FROM no-such-image-here\n");
    expect(base.error?.message).toMatch(/^pull access denied for no-such-image-here/);
  });

  it("keeps intermediate images out of the list unless -a, and rmi of the result removes them", async () => {
    const { engine } = setup();
    await build(engine, { Dockerfile: "FROM alpine\nCOPY . /src\nRUN echo > /made\nCMD [\"sh\"]\n", "a.txt": "a" }, {}, ["layered"]);
    const list = async (all: boolean) =>
      ((await engine.handle({ method: "GET", path: "/images/json", query: all ? { all: "1" } : {} })).body as { RepoTags: string[] }[]).map((i) => i.RepoTags.join(",") || "<none>");
    expect(await list(false)).toEqual(["layered:latest", "alpine:latest"]);
    expect(await list(true)).toEqual(expect.arrayContaining(["<none>", "<none>", "<none>"]));
    const history = engine.images.get("layered").History.map((h) => h.created_by);
    expect(history.some((h) => /COPY dir:[0-9a-f]{64} in \/src $/.test(h) && !h.includes("e3b0c44298fc1c14"))).toBe(true);
    const removed = (await engine.handle({ method: "DELETE", path: "/images/layered" })).body as Record<string, string>[];
    expect(removed.filter((r) => r["Deleted"]?.startsWith("sha256:")).length).toBeGreaterThanOrEqual(4);
    expect(await list(true)).toEqual(["alpine:latest"]);
  });

  it("builds FROM scratch: files and metadata, and a RUN that finds no shell", async () => {
    const { engine } = setup();
    const result = await build(engine, { Dockerfile: "FROM scratch\nCOPY hello /\nCMD [\"/hello\"]\n", hello: "binary" }, {}, ["tiny"]);
    expect(result.error).toBeUndefined();
    expect(ids(result.text)).toContain("Step 1/3 : FROM scratch\n ---> \nStep 2/3 : COPY hello /\n ---> <id>\nStep 3/3 : CMD");
    const image = engine.images.get("tiny");
    expect(image.Layers).toHaveLength(1);
    expect(image.Config.Cmd).toEqual(["/hello"]);
    const run = await build(engine, { Dockerfile: "FROM scratch\nRUN echo hi\n" });
    expect(run.error?.message).toMatch(/exec: "\/bin\/sh": stat \/bin\/sh: no such file or directory: unknown$/);
  });

  it("follows the legacy builder on the details a review found", async () => {
    const { engine, events } = setup();
    // A renamed file is a new layer, not a cache hit.
    await build(engine, { Dockerfile: "FROM alpine\nCOPY a.txt /dst/\n", "a.txt": "same" });
    const renamed = await build(engine, { Dockerfile: "FROM alpine\nCOPY b.txt /dst/\n", "b.txt": "same" }, {}, ["renamed"]);
    expect(renamed.text).not.toContain("Using cache");
    expect(engine.fs.imageLayers(engine.images.get("renamed")).some((l) => l.has("/dst/b.txt"))).toBe(true);
    // --link is accepted; wildcard matches keep their own names; the history names the
    // destination as written; the config names the image the last step started from.
    const result = await build(
      engine,
      { Dockerfile: "FROM alpine\nWORKDIR /app\nCOPY --link *.txt ./\nLABEL team=web\n", "a[1].txt": "x", "b.txt": "y" },
      {},
      ["details", "details"],
    );
    expect(result.error).toBeUndefined();
    expect(result.text.match(/Successfully tagged details:latest/g)).toHaveLength(1);
    const image = engine.images.get("details");
    expect(engine.fs.imageLayers(image).some((l) => l.has("/app/a[1].txt") && l.has("/app/b.txt"))).toBe(true);
    expect(image.History.some((h) => / in \.\/ $/.test(h.created_by))).toBe(true);
    expect(image.Config.Image).toBe(image.Parent);
    expect(events).toContain("image tag");
    // A deleted built image takes its untagged parents with it, each announced.
    const deletes = events.filter((e) => e === "image delete").length;
    await engine.handle({ method: "DELETE", path: "/images/details" });
    expect(events.filter((e) => e === "image delete").length - deletes).toBeGreaterThanOrEqual(3);
  });

  it("keeps ENTRYPOINT [] and CMD [] as empty lists, as resolveCmdLine returns them", async () => {
    const { engine } = setup();
    const run = async (image: string) => {
      const { Id } = engine.containers.create({ Image: image }, `run-${image.replace(/\W/g, "-")}`);
      const out: string[] = [];
      engine.containers.attach(Id, (chunk) => chunk && out.push(chunk.data));
      engine.containers.start(Id);
      await engine.containers.wait(Id, "not-running");
      return { out: out.join(""), config: engine.containers.get(Id).Config };
    };
    await build(engine, { Dockerfile: 'FROM alpine\nENTRYPOINT ["echo", "via-entrypoint"]\n' }, {}, ["with-ep"]);
    expect((await run("with-ep")).out).toBe("via-entrypoint\n");

    // An inherited entrypoint cleared: the list stays, empty, and the image runs its Cmd alone.
    const cleared = await build(engine, { Dockerfile: 'FROM with-ep\nENTRYPOINT []\nCMD ["echo", "plain"]\n' }, {}, ["cleared"]);
    expect(cleared.error).toBeUndefined();
    const image = engine.images.get("cleared");
    expect(image.Config.Entrypoint).toEqual([]);
    expect(image.Config.Cmd).toEqual(["echo", "plain"]);
    expect(image.History.slice(-2).map((h) => h.created_by)).toEqual(["/bin/sh -c #(nop)  ENTRYPOINT []", '/bin/sh -c #(nop)  CMD ["echo" "plain"]']);
    const ran = await run("cleared");
    expect(ran.out).toBe("plain\n");
    expect(ran.config.Entrypoint).toEqual([]);

    // ENTRYPOINT resets a Cmd the stage did not set; CMD [] and a bare CMD are empty lists too,
    // never the shell alone, and do not count as setting the Cmd.
    await build(engine, { Dockerfile: "FROM alpine\nENTRYPOINT []\n" }, {}, ["bare"]);
    expect(engine.images.get("bare").Config).toMatchObject({ Entrypoint: [], Cmd: null });
    await build(engine, { Dockerfile: "FROM alpine\nCMD []\nENTRYPOINT []\n" }, {}, ["empty-cmd"]);
    expect(engine.images.get("empty-cmd").Config).toMatchObject({ Entrypoint: [], Cmd: null });
    expect(engine.images.get("empty-cmd").History.at(-2)?.created_by).toBe("/bin/sh -c #(nop)  CMD []");
    await build(engine, { Dockerfile: "FROM alpine\nCMD\n" }, {}, ["bare-cmd"]);
    expect(engine.images.get("bare-cmd").Config.Cmd).toEqual([]);

    // GET /images/{name}/json at API 1.50 shows the OCI config, every field omitempty: an empty
    // Entrypoint or Cmd is left out, like a false ArgsEscaped and the container-only Image.
    const inspect = async (name: string) => ((await engine.handle({ method: "GET", path: `/v1.50/images/${name}/json` })).body as { Config: Record<string, unknown> }).Config;
    expect(await inspect("bare")).toEqual({ Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], WorkingDir: "/" });
    expect(Object.keys(await inspect("cleared"))).toEqual(["Env", "Cmd", "WorkingDir"]);
    expect(Object.keys(await inspect("with-ep"))).toEqual(["Env", "Entrypoint", "WorkingDir"]);
  });

  it("leaves ArgsEscaped as the base image had it when the command line is empty", async () => {
    const { engine } = setup();
    await build(engine, { Dockerfile: "FROM alpine\nLABEL base=1\n" }, {}, ["plain-base"]);
    const base = engine.images.get("plain-base");
    engine.images.put({ ...structuredClone(base), Id: `sha256:${"e5".repeat(32)}`, RepoTags: ["escaped:1"], Config: { ...structuredClone(base.Config), ArgsEscaped: true } });
    await build(engine, { Dockerfile: "FROM escaped:1\nENTRYPOINT []\n" }, {}, ["kept"]);
    expect(engine.images.get("kept").Config.ArgsEscaped).toBe(true);
    const shown = (await engine.handle({ method: "GET", path: "/v1.50/images/kept/json" })).body as { Config: Record<string, unknown> };
    expect(shown.Config["ArgsEscaped"]).toBe(true);
    await build(engine, { Dockerfile: "FROM escaped:1\nCMD []\n" }, {}, ["kept-cmd"]);
    expect(engine.images.get("kept-cmd").Config.ArgsEscaped).toBe(true);
    // A command line of words (exec or shell form) is not escaped on Linux.
    await build(engine, { Dockerfile: 'FROM escaped:1\nENTRYPOINT ["top"]\n' }, {}, ["exec-form"]);
    expect(engine.images.get("exec-form").Config.ArgsEscaped).toBe(false);
    await build(engine, { Dockerfile: "FROM escaped:1\nCMD top -b\n" }, {}, ["shell-form"]);
    expect(engine.images.get("shell-form").Config).toMatchObject({ Cmd: ["/bin/sh", "-c", "top -b"], ArgsEscaped: false });
  });

  it("ADD unpacks a tar archive with its owners, and copies other files as they are", async () => {
    const { engine } = setup();
    const inner = writeTar([{ name: "pkg/tool.sh", type: "file", mode: 0o755, uid: 1234, gid: 4321, mtime: 0, data: encoder.encode("echo tool\n") }]);
    const entries: TarEntry[] = [
      { name: "Dockerfile", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: encoder.encode("FROM alpine\nADD bundle.tar /opt/\nADD notes.gz /opt/\n") },
      { name: "bundle.tar", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: inner },
      { name: "notes.gz", type: "file", mode: 0o644, uid: 0, gid: 0, mtime: 0, data: new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]) },
    ];
    const response = await engine.handle({ method: "POST", path: "/build", query: {}, queryLists: { t: ["added"] }, body: writeTar(entries) });
    const messages: Record<string, unknown>[] = [];
    if (response.stream?.kind === "json-lines") for await (const m of response.stream.messages) messages.push(m as Record<string, unknown>);
    expect(messages.find((m) => m["error"])).toBeUndefined();
    const layers = engine.fs.imageLayers(engine.images.get("added"));
    const tool = layers.map((l) => l.get("/opt/pkg/tool.sh")).find(Boolean);
    expect(tool).toMatchObject({ type: "file", uid: 1234, gid: 4321, mode: 0o755 });
    expect(layers.some((l) => l.has("/opt/notes.gz"))).toBe(true);
  });

  it("makes the directories a --chown copy needs with the copy's owner", async () => {
    const { engine } = setup();
    const result = await build(engine, { Dockerfile: "FROM alpine\nCOPY --chown=nobody:nogroup app.txt /srv/deep/\nHEALTHCHECK --retries=10 CMD true\n", "app.txt": "x" }, {}, ["owned"]);
    expect(result.error).toBeUndefined();
    const image = engine.images.get("owned");
    const layer = engine.fs.imageLayers(image).find((l) => l.has("/srv/deep/app.txt"));
    expect(layer?.get("/srv/deep")).toMatchObject({ type: "dir", uid: 65534, gid: 65533 });
    expect(layer?.get("/srv/deep/app.txt")).toMatchObject({ uid: 65534, gid: 65533 });
    expect(image.History.at(-1)?.created_by).toMatch(/HEALTHCHECK &\{\["CMD-SHELL" "true"\] "0s" "0s" "0s" "0s" '\\n'\}$/);
  });
});
