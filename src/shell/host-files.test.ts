import * as justBash from "just-bash";
import { describe, expect, it } from "vitest";
import { DockerClient, InProcessTransport } from "../client/index.js";
import { runDocker } from "../cli/index.js";
import { Engine, ManualClock, SeededIdSource } from "../engine/index.js";
import type { TerminalStreams } from "./docker-io.js";
import { HostShell } from "./host-shell.js";
import { TestClock } from "./testing/fixtures.js";

function terminal() {
  const controller = new AbortController();
  let text = "";
  const streams: TerminalStreams = { write: (t) => void (text += t), columns: 80, signal: controller.signal };
  return { streams, text: () => text };
}

async function playground() {
  const engine = new Engine({ clock: new ManualClock(), ids: new SeededIdSource(3) });
  const client = new DockerClient(new InProcessTransport(engine.handle));
  const host = new HostShell({
    docker: (argv, io) => runDocker(argv, io, client),
    clock: new TestClock(),
    history: { entries: () => [], clear: () => undefined },
    loadBash: () => Promise.resolve(justBash),
  });
  const run = async (line: string) => {
    const t = terminal();
    const code = await host.run(line, t.streams);
    return { code, text: t.text() };
  };
  await run("docker pull -q alpine");
  await run("docker create --name c1 alpine");
  return { run, engine };
}

describe("docker's archives in the terminal's shell", () => {
  it("pipes export and save as bytes into tar and load", async () => {
    const { run } = await playground();
    expect(await run("docker export c1 | tar -t | head -3")).toEqual({ code: 0, text: ".dockerenv\nbin/\nbin/arch\n" });
    expect(await run("docker save alpine | tar -t | grep -v sha256/.")).toEqual({ code: 0, text: "blobs/\nblobs/sha256/\nindex.json\nmanifest.json\noci-layout\nrepositories\n" });
    expect(await run("docker save alpine > alpine.tar && docker load < alpine.tar")).toEqual({ code: 0, text: "Loaded image: alpine:latest\n" });
    expect(await run("docker load -i alpine.tar")).toEqual({ code: 0, text: "Loaded image: alpine:latest\n" });
    // On the terminal itself both refuse, as docker does.
    expect(await run("docker save alpine")).toEqual({ code: 1, text: "cowardly refusing to save to a terminal. Use the -o flag or redirect\n" });
  });

  it("copies between the terminal's files and a container, both ways", async () => {
    const { run } = await playground();
    await run("mkdir -p site && echo '<h1>hi</h1>' > site/index.html");
    expect(await run("docker cp site c1:/srv")).toEqual({ code: 0, text: "Successfully copied 2.56kB to c1:/srv\n" });
    expect(await run("docker cp c1:/srv/site copy")).toEqual({ code: 0, text: "Successfully copied 2.56kB to /home/learner/copy\n" });
    expect(await run("cat copy/index.html")).toEqual({ code: 0, text: "<h1>hi</h1>\n" });
    expect(await run("docker cp c1:/srv/site - | tar -t")).toEqual({ code: 0, text: "site/\nsite/index.html\n" });
    expect(await run("tar -cf t.tar site && docker cp - c1:/opt < t.tar && docker cp c1:/opt/site/index.html - | tar -xO")).toEqual({ code: 0, text: "<h1>hi</h1>\n" });
    expect(await run("docker export -o c1.tar c1 && tar -tf c1.tar | grep srv/site/")).toEqual({ code: 0, text: "srv/site/\nsrv/site/index.html\n" });
  });
});
