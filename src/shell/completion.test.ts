import { describe, expect, it } from "vitest";
import { createCompleter, formatColumns, type CompletionSource, type ContainerEntry, type DockerObjects } from "./completion.js";

const containers: ContainerEntry[] = [
  { id: "3f1a".padEnd(64, "0"), names: ["web"], state: "running", networks: ["bridge", "mynet"] },
  { id: "a7c2".padEnd(64, "1"), names: ["db"], state: "running", networks: ["bridge"] },
  { id: "b9e0".padEnd(64, "2"), names: ["frozen"], state: "paused", networks: ["bridge"] },
  { id: "c4d8".padEnd(64, "3"), names: ["old"], state: "exited", networks: [] },
  { id: "d210".padEnd(64, "4"), names: ["fresh"], state: "created", networks: [] },
];

const objects: DockerObjects = {
  containers: () => Promise.resolve(containers),
  images: () => Promise.resolve(["nginx:latest", "alpine:latest", "alpine:3.20"]),
  networks: () => Promise.resolve(["bridge", "host", "none", "mynet"]),
  volumes: () => Promise.resolve(["data", "cache"]),
};

const source: CompletionSource = {
  commands: () => ["docker", "echo", "env", "ls"],
  paths: () => [
    "/",
    "/home",
    "/home/learner",
    "/home/learner/README.md",
    "/home/learner/site",
    "/home/learner/site/index.html",
    "/home/learner/my notes.txt",
    "/home/learner/.hidden",
  ],
  cwd: () => "/home/learner",
  home: "/home/learner",
  env: () => ({ HOME: "/home/learner", GREETING: "hi" }),
  docker: objects,
};
const completer = createCompleter(source);

/** The candidates for the line with the cursor at its end. */
async function candidates(line: string, from: CompletionSource = source): Promise<readonly string[] | undefined> {
  return (await createCompleter(from)(line, line.length))?.candidates;
}

describe("createCompleter: the shell", () => {
  it("completes command names first, then file names", async () => {
    expect(await completer("e", 1)).toEqual({ start: 0, candidates: ["echo", "env"] });
    expect(await completer("docker ps | e", 13)).toEqual({ start: 12, candidates: ["echo", "env"] });
  });

  it("completes host paths relative to the cwd or home, marking directories and escaping spaces", async () => {
    expect(await candidates("cat s")).toEqual(["site/"]);
    expect(await candidates("cat site/")).toEqual(["site/index.html"]);
    expect(await candidates("cat ~/R")).toEqual(["~/README.md"]);
    expect(await candidates("cat my")).toEqual(["my\\ notes.txt"]);
    expect(await completer("cat my\\ n", 9)).toEqual({ start: 4, candidates: ["my\\ notes.txt"], filenames: true });
    expect(await candidates("cat .")).toEqual([".hidden"]);
    expect(await candidates("cat ")).toEqual(["README.md", "my\\ notes.txt", "site/"]);
  });

  it("offers no files before the filesystem has loaded", async () => {
    expect(await candidates("cat s", { ...source, paths: () => undefined })).toEqual([]);
  });
});

describe("createCompleter: docker commands", () => {
  it("completes docker's commands and the subcommands of management commands", async () => {
    expect(await completer("docker ne", 9)).toEqual({ start: 7, candidates: ["network"] });
    expect(await candidates("docker network c")).toEqual(["connect", "create"]);
    expect(await candidates("docker im")).toEqual(["image", "images", "import"]);
    expect(await candidates("docker system ")).toEqual(["df", "events", "info", "prune"]);
    // Help leaves the swarm-only `volume update` out for a daemon outside a swarm; completion does not.
    expect(await candidates("docker volume ")).toEqual(["create", "inspect", "ls", "prune", "rm", "update"]);
    expect(await candidates("docker he")).toEqual(["help"]);
  });

  it("knows the commands the playground cannot run yet", async () => {
    expect(await candidates("docker co")).toEqual(["commit", "container"]);
    expect(await candidates("docker builder ")).toEqual(["build", "prune"]);
  });

  it("skips global flags to find the command", async () => {
    expect(await candidates("docker -H tcp://x:2375 --debug network l")).toEqual(["ls"]);
  });
});

describe("createCompleter: flags", () => {
  it("offers the long and short forms of the command's flags, long only after --", async () => {
    expect(await candidates("docker ps --f")).toEqual(["--filter", "--format"]);
    expect(await candidates("docker ps -")).toEqual(
      ["--all", "--filter", "--format", "--last", "--latest", "--no-trunc", "--quiet", "--size", "-a", "-f", "-l", "-n", "-q", "-s"],
    );
    expect(await candidates("docker network ls --")).toEqual(["--filter", "--format", "--no-trunc", "--quiet"]);
  });

  it("leaves out flags already given, unless they can be repeated", async () => {
    expect(await candidates("docker ps -a --a")).toEqual([]);
    expect(await candidates("docker ps --all -")).not.toContain("-a");
    expect(await candidates("docker run -e A=1 --env")).toEqual(["--env", "--env-file"]);
  });

  it("never offers hidden flags", async () => {
    expect(await candidates("docker run --net")).toEqual(["--network", "--network-alias"]);
  });

  it("offers no flags once docker run has its image", async () => {
    expect(await candidates("docker run alpine -")).toEqual([]);
    expect(await candidates("docker run --rm -it alpine sh -")).toEqual([]);
  });

  it("offers docker's global flags before the command", async () => {
    expect(await candidates("docker --l")).toEqual(["--log-level"]);
    expect(await candidates("docker --log-level ")).toEqual(["debug", "error", "fatal", "info", "panic", "warn"]);
    expect(await candidates("docker --context ")).toEqual(["default"]);
  });

  it("completes the values docker knows for a flag, in both spellings", async () => {
    expect(await candidates("docker run --restart ")).toEqual(["always", "no", "on-failure", "unless-stopped"]);
    expect(await candidates("docker run --pull=m")).toEqual(["--pull=missing"]);
    expect(await candidates("docker kill -s KI")).toEqual(["KILL"]);
    expect(await candidates("docker inspect --type ")).toContain("volume");
    expect(await candidates("docker run -e ")).toEqual(["GREETING", "HOME"]);
  });

  it("keeps the cursor after values that are only a start (no space after them)", async () => {
    expect(await completer("docker run --link w", 19)).toEqual({ start: 18, candidates: ["web:"], noSpace: true });
    expect(await completer("docker run --ulimit nof", 23)).toEqual({ start: 20, candidates: ["nofile="], noSpace: true });
  });

  it("completes file names for flags docker leaves to the shell, none for run's own", async () => {
    expect(await candidates("docker logs --since s")).toEqual(["site/"]);
    expect(await candidates("docker run -v s")).toEqual([]);
  });
});

describe("createCompleter: containers", () => {
  it("offers running containers (paused ones count) where docker does", async () => {
    expect(await candidates("docker stop ")).toEqual(["db", "frozen", "web"]);
    expect(await candidates("docker container kill ")).toEqual(["db", "frozen", "web"]);
    expect(await candidates("docker top ")).toEqual(["db", "frozen", "web"]);
  });

  it("leaves paused containers out where they cannot be used, and offers only them to unpause", async () => {
    expect(await candidates("docker exec ")).toEqual(["db", "web"]);
    expect(await candidates("docker pause ")).toEqual(["db", "web"]);
    expect(await candidates("docker unpause ")).toEqual(["frozen"]);
  });

  it("offers stopped containers to start and rm, all of them to rm -f", async () => {
    expect(await candidates("docker start ")).toEqual(["fresh", "old"]);
    expect(await candidates("docker rm ")).toEqual(["fresh", "old"]);
    expect(await candidates("docker rm -f ")).toEqual(["db", "fresh", "frozen", "old", "web"]);
  });

  it("offers every container where any will do", async () => {
    expect(await candidates("docker logs ")).toEqual(["db", "fresh", "frozen", "old", "web"]);
    expect(await candidates("docker container inspect f")).toEqual(["fresh", "frozen"]);
    expect(await candidates("docker run --volumes-from ")).toEqual(["db", "fresh", "frozen", "old", "web"]);
  });

  it("completes a short id when the word starts no name, and full ids when asked to", async () => {
    expect(await candidates("docker stop 3f")).toEqual(["3f1a00000000"]);
    const withIds = { ...source, env: () => ({ DOCKER_COMPLETION_SHOW_CONTAINER_IDS: "yes" }) };
    expect(await candidates("docker unpause ", withIds)).toEqual(["b9e0".padEnd(64, "2"), "frozen"]);
  });

  it("offers nothing when the daemon cannot be asked", async () => {
    expect(await candidates("docker stop ", { ...source, docker: { ...objects, containers: () => Promise.reject(new Error("down")) } })).toEqual([]);
    const { docker: _, ...noDaemon } = source;
    expect(await candidates("docker stop ", noDaemon)).toEqual([]);
  });
});

describe("createCompleter: images, networks and volumes", () => {
  it("offers image references (repo:tag), as many as the command takes", async () => {
    expect(await candidates("docker run ")).toEqual(["alpine:3.20", "alpine:latest", "nginx:latest"]);
    expect(await candidates("docker run -d --name x a")).toEqual(["alpine:3.20", "alpine:latest"]);
    expect(await candidates("docker run alpine ")).toEqual([]);
    expect(await candidates("docker tag alpine:latest n")).toEqual(["nginx:latest"]);
    expect(await candidates("docker tag alpine:latest mine ")).toEqual([]);
    expect(await candidates("docker image rm a")).toEqual(["alpine:3.20", "alpine:latest"]);
    expect(await candidates("docker rmi n")).toEqual(["nginx:latest"]);
  });

  it("offers networks, then the containers a network can take or give back", async () => {
    expect(await candidates("docker network rm ")).toEqual(["bridge", "host", "mynet", "none"]);
    expect(await candidates("docker network connect mynet ")).toEqual(["db", "fresh", "frozen", "old"]);
    expect(await candidates("docker network disconnect mynet ")).toEqual(["web"]);
    expect(await candidates("docker run --network m")).toEqual(["mynet"]);
    expect(await candidates("docker run --network=b")).toEqual(["--network=bridge"]);
  });

  it("offers volumes", async () => {
    expect(await candidates("docker volume rm ")).toEqual(["cache", "data"]);
    expect(await candidates("docker volume inspect d")).toEqual(["data"]);
  });

  it("offers nothing where docker offers nothing, and files where it leaves them to the shell", async () => {
    expect(await candidates("docker ps ")).toEqual([]);
    expect(await candidates("docker volume create ")).toEqual([]);
    expect(await candidates("docker cp s")).toEqual(["site/"]);
    expect(await candidates("docker build ")).toEqual(["site/"]);
  });
});

describe("formatColumns", () => {
  it("lays items out top to bottom in as many columns as fit", () => {
    expect(formatColumns(["a", "bb", "c", "d", "e"], 9)).toBe("a   d\r\nbb  e\r\nc\r\n");
  });
});
