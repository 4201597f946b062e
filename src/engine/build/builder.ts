// The legacy builder (builder/dockerfile): a Dockerfile run step by step. Each step starts from
// the image the previous one made: RUN runs its command in a container and commits what it
// wrote, COPY and ADD write the context's files into a new layer, and the other instructions
// change only the configuration (committed as empty layers, as the legacy builder does). A step
// whose parent and configuration match an earlier build's is taken from the cache.
import { canonicalJson, type JsonValue } from "../digest/index.js";
import type { Engine } from "../engine.js";
import { EngineError } from "../errors.js";
import type { ContainerRecord } from "../containers/container-record.js";
import type { HealthConfig, ImageConfig, ImageRecord } from "../images/image-record.js";
import { pullImage } from "../image-store/pull.js";
import { familiarName, parseReference } from "../image-store/reference.js";
import { goJoin } from "../archive/go-path.js";
import { parseSignal } from "../runtime/signals.js";
import { goDurationString } from "../time-format.js";
import { BuildArgs } from "./build-args.js";
import { commitBuildStep } from "./build-commit.js";
import { BuildContext } from "./build-context.js";
import { BuildStepError } from "./build-error.js";
import { parseExposedPorts } from "./expose.js";
import { performCopy, planCopy, sourceHash } from "./copy.js";
import type { CommandLine, Dockerfile, Instruction, Stage } from "./dockerfile/instructions.js";
import { expandInstruction, expandWord, expandWords } from "./dockerfile/expand.js";
import { DockerfileParseError } from "./dockerfile/errors.js";
import { goQuote } from "./dockerfile/go-text.js";
import { parseDockerfile } from "./dockerfile/parse.js";

/** What POST /build asks for, read from its query. */
export interface BuildRequest {
  tags: string[];
  dockerfile: string;
  buildArgs: ReadonlyMap<string, string | undefined>;
  labels: Record<string, string>;
  noCache: boolean;
  /** Remove intermediate containers after each successful step (rm). */
  remove: boolean;
  /** Remove them even after a failed step (forcerm). */
  forceRemove: boolean;
  pull: boolean;
  quiet: boolean;
  target: string;
  networkMode: string;
  extraHosts: string[];
}

/** One line of the build's JSON stream. */
export type BuildMessage = Record<string, unknown>;

const DEFAULT_SHELL = ["/bin/sh", "-c"];
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);

/** The build's output: stdout and stderr lines as "stream" messages, as streamformatter writes them. */
class Output {
  private readonly held: BuildMessage[] = [];

  constructor(
    private readonly send: (m: BuildMessage) => void,
    private readonly quiet: boolean,
  ) {}

  message(m: BuildMessage): void {
    if (this.quiet) this.held.push(m);
    else this.send(m);
  }

  stdout(text: string): void {
    this.message({ stream: text });
  }

  stderr(text: string): void {
    this.message({ stream: `\u001b[91m${text}\u001b[0m` });
  }

  /** With -q the held output is let out only when the build fails. */
  release(): void {
    for (const m of this.held.splice(0)) this.send(m);
  }
}

interface State {
  runConfig: ImageConfig;
  imageId: string;
  image: ImageRecord | undefined;
  /** FROM scratch: a stage with no image yet may still commit. */
  fromScratch: boolean;
  maintainer: string;
  cmdSet: boolean;
  stageName: string;
  buildArgs: BuildArgs;
}

interface Prepared {
  context: BuildContext;
  dockerfile: Dockerfile;
  stages: Stage[];
  tags: string[];
}

/**
 * Checks the request before any output: tags, the context, the Dockerfile, the target. What
 * fails here is the daemon's HTTP error; what fails later goes into the stream.
 */
export async function prepareBuild(body: Uint8Array, request: BuildRequest): Promise<Prepared> {
  // sanitizeRepoAndTags: empty names skipped, the rest normalised and each kept once.
  const tags = [
    ...new Set(
      request.tags
        .filter((tag) => tag !== "")
        .map((tag) => {
          const ref = parseReference(tag);
          if (ref.digest) throw new EngineError("invalid-parameter", "build tag cannot contain a digest");
          return `${familiarName(ref)}:${ref.tag ?? "latest"}`;
        }),
    ),
  ];
  const context = await BuildContext.fromArchive(body).catch((error: unknown) => {
    throw new EngineError("system", error instanceof Error ? error.message : String(error));
  });
  const { name, text } = context.dockerfile(request.dockerfile);
  let dockerfile: Dockerfile;
  try {
    dockerfile = parseDockerfile(text, { dockerfileName: name });
  } catch (error) {
    // The parser's errors carry the daemon's whole message ("failed to parse Dockerfile: ...",
    // "dockerfile parse error on line 2: ...").
    throw new EngineError("invalid-parameter", error instanceof Error ? error.message : String(error));
  }
  let stages = dockerfile.stages;
  if (request.target !== "") {
    const index = stages.findIndex((s) => s.name === request.target.toLowerCase());
    if (index < 0) throw new EngineError("invalid-parameter", `target stage "${request.target}" could not be found`);
    stages = stages.slice(0, index + 1);
  }
  // --label values become LABEL steps at the end of the last stage, sorted by key.
  const last = stages[stages.length - 1];
  if (last && Object.keys(request.labels).length > 0) {
    const labels: Instruction[] = Object.keys(request.labels)
      .sort()
      .map((key) => ({ kind: "label", source: `LABEL ${key}=${request.labels[key] ?? ""}`, line: 0, pairs: [{ key, value: request.labels[key] ?? "", noDelim: false }], noExpand: true }));
    stages = [...stages.slice(0, -1), { ...last, commands: [...last.commands, ...labels] }];
  }
  return { context, dockerfile, stages, tags };
}

export class Builder {
  private readonly out: Output;
  private cacheBusted = false;
  private readonly temporary = new Set<string>();
  private readonly synthetic = new Set<string>();
  private readonly stageImages: { name: string; imageId: string }[] = [];
  private readonly escape: string;

  constructor(
    private readonly engine: Engine,
    private readonly prepared: Prepared,
    private readonly request: BuildRequest,
    send: (m: BuildMessage) => void,
  ) {
    this.out = new Output(send, request.quiet);
    this.escape = prepared.dockerfile.escape;
  }

  /** Runs the build; failures end up in the stream as the daemon's error message. */
  async run(send: (m: BuildMessage) => void): Promise<void> {
    try {
      const imageId = await this.dispatchAll();
      if (this.request.quiet) send({ stream: `${imageId}\n` });
    } catch (error) {
      if (this.request.quiet) this.out.release();
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof BuildStepError ? error.code : 1;
      send({ errorDetail: { code, message }, error: message });
    }
  }

  private async dispatchAll(): Promise<string> {
    const { dockerfile, stages, tags } = this.prepared;
    const args = new BuildArgs(this.request.buildArgs);
    let total = dockerfile.metaArgs.length + stages.length;
    for (const stage of stages) total += stage.commands.length;
    let step = 1;
    const print = (source: string) => this.out.stdout(`Step ${step++}/${total} : ${source}\n`);

    for (const meta of dockerfile.metaArgs) {
      print(meta.source);
      const expanded = expandInstruction(meta, (word) => this.expand(word, args.allAllowed()));
      if (expanded.kind !== "arg") continue;
      for (const arg of expanded.args) {
        args.addArg(arg.key, arg.value);
        args.addMetaArg(arg.key, arg.value);
      }
    }

    let state: State | undefined;
    for (const stage of stages) {
      if (stage.name !== "" && this.stageImages.some((s) => s.name === stage.name)) throw new BuildStepError(`${stage.name} stage name already used`);
      state = { runConfig: {}, imageId: "", image: undefined, fromScratch: false, maintainer: "", cmdSet: false, stageName: stage.name, buildArgs: args.forStage() };
      print(stage.source);
      await this.initializeStage(state, stage);
      // updateRunConfig: the config names the image the next step starts from.
      state.runConfig.Image = state.imageId;
      this.out.stdout(` ---> ${short(state.imageId)}\n`);
      for (const command of stage.commands) {
        print(command.source);
        await this.dispatch(state, command);
        state.runConfig.Image = state.imageId;
        this.out.stdout(` ---> ${short(state.imageId)}\n`);
      }
      if (state.imageId !== "") this.out.message({ aux: { ID: state.imageId } });
      args.mergeReferenced(state.buildArgs);
      this.stageImages.push({ name: stage.name, imageId: state.imageId });
    }
    const warning = args.unusedWarning();
    if (warning) this.out.stdout(warning);
    if (!state || state.imageId === "") throw new BuildStepError("No image was generated. Is your Dockerfile empty?");
    this.out.stdout(`Successfully built ${short(state.imageId)}\n`);
    const image = this.engine.images.get(state.imageId);
    for (const tag of tags) {
      this.engine.images.addTag(image, tag);
      this.engine.ctx.events.publish("image", "tag", image.Id, { ...image.Config.Labels, name: tag });
      this.out.stdout(`Successfully tagged ${tag}\n`);
    }
    return state.imageId;
  }

  private expand(word: string, env: ReadonlyMap<string, string>): string {
    try {
      return expandWord(word, env, this.escape);
    } catch (error) {
      throw new BuildStepError(error instanceof Error ? error.message : String(error));
    }
  }

  /** The environment words expand against: the config's Env, then allowed build args. */
  private envOf(state: State): Map<string, string> {
    const env = new Map<string, string>();
    const list = state.runConfig.Env ?? [];
    for (const entry of [...list, ...state.buildArgs.filterAllowed(list)]) {
      const eq = entry.indexOf("=");
      if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env;
  }

  // ---- FROM ---------------------------------------------------------------------------------

  private async initializeStage(state: State, stage: Stage): Promise<void> {
    this.cacheBusted = false;
    const name = this.expand(stage.baseName, state.buildArgs.allMeta());
    if (name === "") throw new BuildStepError(`base name (${stage.baseName}) should not be blank`);
    const byStage = this.stageImages.find((s) => s.name !== "" && s.name === name.toLowerCase());
    let image: ImageRecord | undefined;
    if (byStage) image = this.engine.images.find(byStage.imageId);
    else if (name !== "scratch") image = await this.imageFor(name);
    state.image = image;
    state.imageId = image?.Id ?? "";
    state.fromScratch = image === undefined;
    state.runConfig = image ? structuredClone(image.Config) : {};
    const env = state.runConfig.Env ?? [];
    if (!env.some((e) => e.startsWith("PATH="))) state.runConfig.Env = [...env, `PATH=${DEFAULT_PATH}`];
    const triggers = state.runConfig.OnBuild ?? [];
    if (triggers.length > 0) {
      state.runConfig.OnBuild = null;
      this.out.stdout(`# Executing ${triggers.length} build trigger${triggers.length > 1 ? "s" : ""}\n`);
      for (const trigger of triggers) {
        let parsed: Dockerfile;
        try {
          parsed = parseDockerfile(`FROM scratch\n${trigger}`);
        } catch (error) {
          // A trigger's error is reported bare, without the file's prefixes.
          throw new BuildStepError(error instanceof DockerfileParseError ? error.detail : String(error));
        }
        const command = parsed.stages[0]?.commands[0];
        if (!command || (parsed.stages[0]?.commands.length ?? 0) !== 1) throw new BuildStepError("onbuild trigger should be a single expression");
        await this.dispatch(state, command);
      }
    }
  }

  /** A local image, pulled first when missing (or always with --pull), its progress in the stream. */
  private async imageFor(name: string): Promise<ImageRecord> {
    const ref = parseReference(name);
    const local = this.engine.images.findByReference(ref) ?? this.engine.images.find(name);
    if (local && !this.request.pull) return local;
    let failure: string | undefined;
    try {
      for await (const message of pullImage(this.engine.ctx, this.engine.images, ref, { bandwidth: this.engine.pullBandwidth })) {
        const m = message as BuildMessage;
        if (typeof m["error"] === "string") {
          failure = m["error"];
          break;
        }
        this.out.message(m);
      }
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (failure !== undefined) {
      if (local) return local;
      throw new BuildStepError(failure);
    }
    const pulled = this.engine.images.findByReference(ref);
    if (!pulled) throw new BuildStepError(`No such image: ${name}`);
    return pulled;
  }

  // ---- the instructions ---------------------------------------------------------------------

  private async dispatch(state: State, raw: Instruction): Promise<void> {
    const env = this.envOf(state);
    const command = raw.kind === "label" && (raw as { noExpand?: boolean }).noExpand ? raw : expandInstruction(raw, (word) => this.expand(word, env));
    let failed = true;
    try {
      await this.dispatchOne(state, command, env);
      failed = false;
    } finally {
      if (this.request.forceRemove || (this.request.remove && !failed)) this.removeTemporary();
    }
  }

  private async dispatchOne(state: State, c: Instruction, env: Map<string, string>): Promise<void> {
    const config = state.runConfig;
    switch (c.kind) {
      case "env": {
        let comment = "ENV";
        for (const pair of c.pairs) {
          const entry = `${pair.key}=${pair.value}`;
          comment += ` ${entry}`;
          const list = config.Env ?? [];
          const at = list.findIndex((e) => e.split("=")[0] === pair.key);
          config.Env = at >= 0 ? list.map((e, i) => (i === at ? entry : e)) : [...list, entry];
        }
        return this.commit(state, comment);
      }
      case "maintainer":
        state.maintainer = c.maintainer;
        return this.commit(state, `MAINTAINER ${c.maintainer}`);
      case "label": {
        config.Labels = { ...(config.Labels ?? {}) };
        let comment = "LABEL";
        for (const pair of c.pairs) {
          config.Labels[pair.key] = pair.value;
          comment += ` ${pair.key}=${pair.value}`;
        }
        return this.commit(state, comment);
      }
      case "add":
      case "copy":
        return this.copy(state, c);
      case "onbuild":
        config.OnBuild = [...(config.OnBuild ?? []), c.expression];
        return this.commit(state, `ONBUILD ${c.expression}`);
      case "workdir":
        return this.workdir(state, c.path);
      case "run":
        return this.runStep(state, c.command, c.flagsUsed);
      case "cmd": {
        const cmd = this.commandLine(c.command, config);
        config.Cmd = cmd;
        this.markArgsEscaped(config, cmd);
        await this.commit(state, `CMD ${goQuoteList(cmd)}`);
        if (c.command.args.length > 0) state.cmdSet = true;
        return;
      }
      case "entrypoint": {
        // ENTRYPOINT [] leaves an empty list, not a missing one: the image runs its Cmd alone.
        const entrypoint = this.commandLine(c.command, config);
        config.Entrypoint = entrypoint;
        this.markArgsEscaped(config, entrypoint);
        if (!state.cmdSet) config.Cmd = null;
        return this.commit(state, `ENTRYPOINT ${goQuoteList(entrypoint)}`);
      }
      case "healthcheck": {
        const previous = config.Healthcheck?.Test;
        if (previous && previous.length > 0 && previous[0] !== "NONE") this.out.stdout(`Note: overriding previous HEALTHCHECK: [${previous.join(" ")}]\n`);
        const h = c.health;
        const health: HealthConfig = {
          Test: h.test,
          ...(h.interval ? { Interval: h.interval } : {}),
          ...(h.timeout ? { Timeout: h.timeout } : {}),
          ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
          ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
          ...(h.retries ? { Retries: h.retries } : {}),
        };
        config.Healthcheck = health;
        return this.commit(state, `HEALTHCHECK ${goHealthString(health)}`);
      }
      case "expose": {
        const ports = c.ports.flatMap((p) => {
          try {
            return expandWords(p, env, this.escape);
          } catch (error) {
            throw new BuildStepError(error instanceof Error ? error.message : String(error));
          }
        });
        config.ExposedPorts = { ...(config.ExposedPorts ?? {}) };
        for (const port of parseExposedPorts(ports)) config.ExposedPorts[port] = {};
        return this.commit(state, `EXPOSE ${ports.join(" ")}`);
      }
      case "user":
        config.User = c.user;
        return this.commit(state, `USER ${c.user}`);
      case "volume": {
        config.Volumes = { ...(config.Volumes ?? {}) };
        for (const v of c.volumes) {
          if (v === "") throw new BuildStepError("VOLUME specified can not be an empty string");
          config.Volumes[v] = {};
        }
        return this.commit(state, `VOLUME [${c.volumes.join(" ")}]`);
      }
      case "stopsignal":
        if (!parseSignal(c.signal)) throw new BuildStepError(`Invalid signal: ${c.signal}`);
        config.StopSignal = c.signal;
        return this.commit(state, `STOPSIGNAL ${c.signal}`);
      case "arg": {
        const words: string[] = [];
        for (const arg of c.args) {
          words.push(arg.value === undefined ? arg.key : `${arg.key}=${arg.value}`);
          state.buildArgs.addArg(arg.key, arg.value);
        }
        return this.commit(state, `ARG ${words.join(" ")}`);
      }
      case "shell":
        config.Shell = c.shell;
        return this.commit(state, `SHELL [${c.shell.join(" ")}]`);
    }
  }

  /**
   * resolveCmdLine (Linux) for RUN, CMD and ENTRYPOINT: the words, after the shell for the shell
   * form. No words at all (`CMD []`, a bare `ENTRYPOINT`) give an empty list, never the shell alone.
   */
  private commandLine(command: CommandLine, config: ImageConfig): string[] {
    if (command.args.length === 0) return [];
    return command.prependShell ? [...this.shellOf(config), ...command.args] : [...command.args];
  }

  /**
   * The ArgsEscaped resolveCmdLine hands back on Linux: false for a command line, and for an
   * empty one whatever the config already had (a base image's true survives `ENTRYPOINT []`).
   */
  private markArgsEscaped(config: ImageConfig, line: string[]): void {
    if (line.length > 0) config.ArgsEscaped = false;
  }

  private shellOf(config: ImageConfig): string[] {
    return config.Shell && config.Shell.length > 0 ? [...config.Shell] : [...DEFAULT_SHELL];
  }

  // ---- the cache ----------------------------------------------------------------------------

  /** What the cache compares (image/cache/compare.go): not the image, hostname or MAC; empty lists as absent. */
  private cacheKey(config: ImageConfig): string {
    const { Image: _image, ...rest } = config;
    const key: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rest)) {
      const empty = value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0) || (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
      if (!empty) key[name] = value;
    }
    return canonicalJson(key as JsonValue);
  }

  /** An image an earlier build made from the same parent with the same step: "Using cache". */
  private probeCache(state: State, containerConfig: ImageConfig): boolean {
    if (this.request.noCache || this.cacheBusted) return false;
    const key = this.cacheKey(containerConfig);
    const hits = this.engine.images.all().filter((i) => i.Parent === state.imageId && i.BuildCacheKey === key);
    const hit = hits.sort((a, b) => (a.Created < b.Created ? 1 : -1))[0];
    if (!hit) {
      this.cacheBusted = true;
      return false;
    }
    this.out.stdout(" ---> Using cache\n");
    state.imageId = hit.Id;
    state.image = hit;
    return true;
  }

  // ---- containers and commits ---------------------------------------------------------------

  /**
   * A layer over the step's image with no container record behind it: COPY's (the legacy
   * builder copies without a container) and the steps of a stage FROM scratch, whose empty
   * image the daemon cannot create containers from here.
   */
  private scratchRecord(state: State): ContainerRecord {
    return { Id: this.engine.ctx.ids.randomHex(64), Image: state.imageId, HostConfig: {} } as unknown as ContainerRecord;
  }

  private createContainer(state: State, config: ImageConfig): ContainerRecord {
    if (state.imageId === "") {
      const record = this.scratchRecord(state);
      this.synthetic.add(record.Id);
      this.temporary.add(record.Id);
      this.out.stdout(` ---> Running in ${short(record.Id)}\n`);
      return record;
    }
    const { containers } = this.engine;
    const { Id } = containers.create(
      {
        ...structuredClone(config),
        Image: state.imageId || "scratch",
        HostConfig: {
          NetworkMode: this.request.networkMode === "" || this.request.networkMode === "default" ? "bridge" : this.request.networkMode,
          LogConfig: { Type: "none", Config: {} },
          ...(this.request.extraHosts.length > 0 ? { ExtraHosts: this.request.extraHosts } : {}),
        },
      } as never,
      undefined,
    );
    this.temporary.add(Id);
    this.out.stdout(` ---> Running in ${short(Id)}\n`);
    return containers.get(Id);
  }

  private commitContainer(state: State, c: ContainerRecord, containerConfig: ImageConfig, publish = true): void {
    const image = commitBuildStep(this.engine.ctx, this.engine.images, this.engine.fs, c, {
      publish,
      parent: state.image,
      config: state.runConfig,
      containerCmd: containerConfig.Cmd ?? [],
      author: state.maintainer,
      cacheKey: this.cacheKey(containerConfig),
    });
    state.imageId = image.Id;
    state.image = image;
  }

  /** A metadata step: a container made with "#(nop)" as its command, committed unchanged. */
  private async commit(state: State, comment: string): Promise<void> {
    if (state.imageId === "" && !state.fromScratch) throw new BuildStepError("Please provide a source image with `from` prior to commit");
    const containerConfig = { ...structuredClone(state.runConfig), Cmd: [...this.shellOf(state.runConfig), "#(nop) ", comment] };
    if (this.probeCache(state, containerConfig)) return;
    const c = this.createContainer(state, containerConfig);
    this.commitContainer(state, c, containerConfig);
    return Promise.resolve();
  }

  private async workdir(state: State, path: string): Promise<void> {
    const current = state.runConfig.WorkingDir ?? "";
    const dir = path.startsWith("/") ? path : goJoin("/", current, path);
    state.runConfig.WorkingDir = dir;
    const containerConfig = { ...structuredClone(state.runConfig), Cmd: [...this.shellOf(state.runConfig), `#(nop) WORKDIR ${dir}`] };
    if (this.probeCache(state, containerConfig)) return;
    const c = this.createContainer(state, containerConfig);
    const root = this.engine.fs.rootfs(c);
    if (root.resolve(dir, true).entry?.type !== "dir") root.makeDir(dir, true);
    this.commitContainer(state, c, containerConfig);
    return Promise.resolve();
  }

  private async runStep(state: State, command: CommandLine, flagsUsed: string[]): Promise<void> {
    if (flagsUsed.length > 0) {
      throw new BuildStepError(`the --${flagsUsed[0]} option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled`);
    }
    const config = state.runConfig;
    const cmd = this.commandLine(command, config);
    const buildEnv = state.buildArgs.filterAllowed(config.Env ?? []);
    let saveCmd = cmd;
    if (buildEnv.length > 0) {
      const shown = buildEnv.filter((e) => state.buildArgs.isReferencedOrNotBuiltin(e.split("=")[0] ?? "")).sort();
      saveCmd = [`|${shown.length}`, ...shown, ...cmd];
    }
    const probeConfig: ImageConfig = { ...structuredClone(config), Cmd: saveCmd, ArgsEscaped: false };
    if (saveCmd.length > 0) delete probeConfig.Entrypoint;
    if (this.probeCache(state, probeConfig)) return;
    const runConfig: ImageConfig = {
      ...structuredClone(config),
      Cmd: cmd,
      ArgsEscaped: false,
      Env: [...(config.Env ?? []), ...buildEnv],
      Entrypoint: cmd.length > 0 ? [""] : (config.Entrypoint ?? null),
      Healthcheck: { Test: ["NONE"] },
    };
    if (state.imageId === "") {
      // An empty image has no shell to run the command with.
      throw new BuildStepError(
        `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd[0] ?? ""}": stat ${cmd[0] ?? ""}: no such file or directory: unknown`,
      );
    }
    const c = this.createContainer(state, runConfig);
    const exitCode = await this.runContainer(c);
    if (exitCode !== 0) {
      throw new BuildStepError(`The command '${cmd.join(" ")}' returned a non-zero code: ${exitCode}`, exitCode);
    }
    this.commitContainer(state, c, probeConfig);
  }

  /** Starts the step's container with its output in the stream, and waits for it to exit. */
  private async runContainer(c: ContainerRecord): Promise<number> {
    const { containers } = this.engine;
    const detach = containers.attach(c.Id, (chunk) => {
      if (!chunk) return;
      if (chunk.stream === "stderr") this.out.stderr(chunk.data);
      else this.out.stdout(chunk.data);
    });
    try {
      containers.start(c.Id);
      const result = await containers.wait(c.Id, "not-running");
      return result.StatusCode;
    } catch (error) {
      throw new BuildStepError(error instanceof Error ? error.message : String(error));
    } finally {
      detach();
    }
  }

  private async copy(state: State, c: Instruction & { kind: "add" | "copy" }): Promise<void> {
    const cmdName = c.kind === "add" ? "ADD" : "COPY";
    if (c.chmod !== "") throw new BuildStepError("the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
    // --link, --checksum and --keep-git-dir are accepted and have no effect here, as in the
    // legacy builder; only --chmod is refused.
    let source = this.prepared.context;
    let fromContext = true;
    const from = c.kind === "copy" ? c.from : "";
    if (from !== "") {
      const image = await this.imageForCopy(from).catch((error: unknown) => {
        throw new BuildStepError(`invalid from flag value ${from}: ${error instanceof Error ? error.message : String(error)}`);
      });
      source = BuildContext.fromFilesystem(this.engine.fs.imageLayers(image));
      fromContext = false;
    }
    for (const s of c.sources) {
      if (/^https?:\/\//.test(s)) {
        if (c.kind === "copy") throw new BuildStepError(`${cmdName} failed: source can't be a URL for COPY`);
        const host = /^https?:\/\/([^/:]+)/.exec(s)?.[1] ?? "";
        throw new BuildStepError(`${cmdName} failed: Get "${s}": dial tcp: lookup ${host}: no such host`);
      }
    }
    const plan = planCopy(source, fromContext, cmdName, c.sources, c.dest, state.runConfig.WorkingDir ?? "");
    const chown = c.chown !== "" ? `--chown=${c.chown} ` : "";
    const comment = `${cmdName} ${chown}${sourceHash(plan.infos)} in ${c.dest} `;
    const containerConfig = { ...structuredClone(state.runConfig), Cmd: [...this.shellOf(state.runConfig), `#(nop) ${comment}`] };
    if (this.probeCache(state, containerConfig)) return;
    // The legacy builder copies into a layer of its own, with no container (and no events).
    const scratch = this.scratchRecord(state);
    const root = this.engine.fs.rootfs(scratch);
    try {
      await performCopy(root, source, plan, { chown: c.chown, preserveOwnership: from !== "" && c.chown === "", decompress: c.kind === "add", now: this.engine.ctx.clock.now() });
      // Exported as an image without a commit: Docker logs no event for it.
      this.commitContainer(state, scratch, containerConfig, false);
    } finally {
      this.engine.fs.dropContainer(scratch.Id);
    }
  }

  /** COPY --from: an earlier stage (by name or index) or an image. */
  private async imageForCopy(from: string): Promise<ImageRecord | undefined> {
    const byName = this.stageImages.find((s) => s.name !== "" && s.name === from.toLowerCase());
    if (byName) return this.engine.images.find(byName.imageId);
    if (/^-?\d+$/.test(from)) {
      const index = Number(from);
      if (index === this.stageImages.length) throw new Error("refers to current build stage");
      if (index < 0 || index > this.stageImages.length) throw new Error("index out of bounds");
      const stage = this.stageImages[index];
      return stage ? this.engine.images.find(stage.imageId) : undefined;
    }
    return this.imageFor(from);
  }

  private removeTemporary(): void {
    for (const id of [...this.temporary]) {
      try {
        if (this.synthetic.delete(id)) this.engine.fs.dropContainer(id);
        else this.engine.containers.remove(id, true, true);
      } catch (error) {
        if (!(error instanceof EngineError && error.kind === "not-found")) {
          this.out.stdout(`Removing intermediate container ${short(id)}: ${error instanceof Error ? error.message : String(error)}\n`);
          continue;
        }
      }
      this.temporary.delete(id);
      this.out.stdout(` ---> Removed intermediate container ${short(id)}\n`);
    }
  }
}

/** Go's %q of a []string: ["a" "b"]. */
function goQuoteList(list: string[] | null | undefined): string {
  return `[${(list ?? []).map(goQuote).join(" ")}]`;
}

/** Go's %q of a *HealthConfig: &{[CMD-SHELL x] 0s 0s 0s 0s 0}, with %q quoting the Test words. */
function goHealthString(h: HealthConfig): string {
  const d = (ns: number | undefined) => goDurationString(ns ?? 0);
  return `&{[${(h.Test ?? []).map(goQuote).join(" ")}] "${d(h.Interval)}" "${d(h.Timeout)}" "${d(h.StartPeriod)}" "${d(h.StartInterval)}" ${goQuoteRune(h.Retries ?? 0)}}`;
}

/** strconv.QuoteRune, as %q prints an int: 'A', '\n', '\x00'. */
function goQuoteRune(n: number): string {
  const escapes: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 39: "\\'", 92: "\\\\" };
  const escaped = escapes[n];
  if (escaped !== undefined) return `'${escaped}'`;
  if (n >= 0x20 && n < 0x7f) return `'${String.fromCharCode(n)}'`;
  if (n < 0x80) return `'\\x${n.toString(16).padStart(2, "0")}'`;
  return n <= 0xffff ? `'${String.fromCharCode(n)}'` : `'\\U${n.toString(16).padStart(8, "0")}'`;
}

