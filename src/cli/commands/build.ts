// docker build / docker image build / docker builder build (cli/command/image/build.go) as
// docker 28.2.2 runs it without buildx: the legacy builder. The context (a host directory, or a
// tar or Dockerfile on stdin) goes to POST /build as a tar, and the daemon's messages are shown
// as they come; -q keeps them back and prints only the image ID.
import { ApiError, type JsonMessage } from "../../client/index.js";
import type { CommandDef } from "../command.js";
import { StatusError } from "../errors.js";
import { getBool, getString } from "../flags/flag-spec.js";
import type { CliIo, HostFiles } from "../io.js";
import { displayJsonMessages } from "../output/json-messages.js";
import { readInputFile, readStdin } from "./archive-output.js";
import { addDockerfileToContext, dockerfileOnlyContext, isArchive, readDockerignore, tarContextDir, validateContextDirectory } from "./build-archive.js";
import { contextFromLocalDir, isGitUrl, isLocalPath, isUrl, PrepareContextError } from "./build-context.js";
import { buildFlags, imageBuildOptions } from "./build-options.js";
import { removeIidFile, uploadProgress, withImageId, writeIidFile } from "./build-output.js";

interface BuildContext {
  archive: Uint8Array;
  /** The Dockerfile's path inside the archive ("" lets the daemon take its default). */
  dockerfile: string;
}

const prepareError = (reason: string) => new Error(`unable to prepare context: ${reason}`);

function hostFiles(io: CliIo): HostFiles {
  if (!io.hostFiles) throw new Error("this terminal cannot read host files");
  return io.hostFiles;
}

/** GetContextFromReader: stdin is a tar (maybe compressed) or, failing that, the Dockerfile. */
async function contextFromStdin(io: CliIo, dockerfileName: string): Promise<BuildContext> {
  const input = await readStdin(io);
  if (isArchive(input)) return { archive: input, dockerfile: dockerfileName };
  if (dockerfileName !== "") throw prepareError("ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles");
  return { archive: dockerfileOnlyContext(input, io.now()), dockerfile: "Dockerfile" };
}

/** A directory's context; a Dockerfile outside it (or from stdin) is added under a random name. */
async function contextFromDirectory(io: CliIo, dir: string, dockerfileName: string): Promise<BuildContext> {
  const files = hostFiles(io);
  let located;
  try {
    located = await contextFromLocalDir(files, dir, dockerfileName);
  } catch (error) {
    if (error instanceof PrepareContextError) throw prepareError(error.message);
    throw error;
  }
  const { contextDir, relDockerfile } = located;
  let outside: Uint8Array | undefined;
  if (relDockerfile.startsWith("../")) {
    try {
      outside = await readInputFile(io, dockerfileName);
    } catch (error) {
      throw new Error(`unable to open Dockerfile: ${(error as Error).message}`);
    }
  }
  const excludes = await readDockerignore(files, contextDir);
  await validateContextDirectory(files, contextDir, excludes);
  const fromStdin = dockerfileName === "-";
  const archive = await tarContextDir(files, contextDir, excludes, relDockerfile, fromStdin);
  const dockerfile = fromStdin ? await readStdin(io) : outside;
  if (!dockerfile) return { archive, dockerfile: relDockerfile };
  const added = addDockerfileToContext(archive, dockerfile, io.now(), (bytes) => io.randomFill(bytes));
  return { archive: added.context, dockerfile: added.relDockerfile };
}

async function prepareContext(io: CliIo, specified: string, dockerfileName: string): Promise<BuildContext> {
  if (specified === "-") return contextFromStdin(io, dockerfileName);
  if (await isLocalPath(hostFiles(io), specified)) return contextFromDirectory(io, specified, dockerfileName);
  // The playground has no git, and its CLI cannot download: docker's own failures for each.
  if (isGitUrl(specified)) throw prepareError(`unable to find 'git': exec: "git": executable file not found in $PATH`);
  if (isUrl(specified)) throw prepareError(`unable to download remote context ${specified}: the playground's docker cannot download build contexts`);
  throw prepareError(`path ${JSON.stringify(specified)} not found`);
}

export const build: CommandDef = {
  name: "build",
  usage: "[OPTIONS] PATH | URL | -",
  description: "Build an image from a Dockerfile and a context",
  flags: buildFlags,
  args: { kind: "exact", n: 1 },
  async run({ io, client }, flags) {
    const [specified = ""] = flags.args;
    const dockerfileName = getString(flags, "file");
    if (dockerfileName === "-" && specified === "-") throw new Error("invalid argument: can't use stdin for both build context and dockerfile");
    const quiet = getBool(flags, "quiet");
    // -q holds back the upload's progress and the build's output, for stderr if the build fails.
    let progBuff = "";
    let buildBuff = "";
    const progress = quiet ? (text: string) => (progBuff += text) : io.stdout;
    const output = quiet ? (text: string) => (buildBuff += text) : io.stdout;
    const iidfile = getString(flags, "iidfile");
    if (iidfile !== "") await removeIidFile(io, iidfile);

    const context = await prepareContext(io, specified, dockerfileName);
    const options = { ...imageBuildOptions(flags, io.env), dockerfile: context.dockerfile };
    let messages: AsyncIterable<JsonMessage>;
    try {
      messages = await client.imageBuild(context.archive, options);
    } catch (error) {
      // The daemon answered, so it read the context: the upload's progress was shown.
      if (error instanceof ApiError) progress(uploadProgress(context.archive, io.isTTY));
      if (quiet) io.stderr(progBuff);
      throw error;
    }
    progress(uploadProgress(context.archive, io.isTTY));

    let imageId = "";
    try {
      // streams.NewOut around the CLI's own stream never sees a terminal: the build's messages are
      // always shown as in a pipe.
      await displayJsonMessages(withImageId(messages, (id) => (imageId = id)), output, false, io.columns);
    } catch (error) {
      if (error instanceof StatusError && quiet) io.stderr(progBuff + buildBuff);
      throw error;
    }
    if (quiet) {
      // The daemon's only message under -q is the ID, newline included, which --iidfile keeps too.
      imageId = buildBuff;
      io.stdout(imageId);
    }
    if (iidfile !== "") await writeIidFile(io, iidfile, imageId);
  },
};
