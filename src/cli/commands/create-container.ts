// Creating a container the way the CLI does: create, and if the daemon lacks the image, pull it
// (progress on stderr) and create again (cli/command/container/create.go).
import { ApiError, canonicalString, familiarString, parseReference, type DockerClient } from "../../client/index.js";
import type { CliIo } from "../io.js";
import { displayJsonMessages } from "../output/json-messages.js";
import type { CreateRequest } from "./container-options.js";

export async function pullImage(client: DockerClient, image: string, io: CliIo, write: (text: string) => void, quiet: boolean): Promise<void> {
  const ref = parseReference(image);
  const tag = ref.digest ?? ref.tag ?? "latest";
  const fromImage = canonicalString({ domain: ref.domain, path: ref.path }).replace(/:latest$/, "");
  const messages = await client.imagePull(fromImage, tag);
  await displayJsonMessages(messages, quiet ? () => undefined : write, io.isTTY, io.columns);
}

export async function createContainer(client: DockerClient, request: CreateRequest, io: CliIo, pull: string, quiet: boolean): Promise<string> {
  const ref = parseReference(request.image);
  const familiar = familiarString(ref);
  if (pull === "always") await pullImage(client, request.image, io, io.stderr, quiet);
  try {
    return (await client.containerCreate(request.body, request.name)).Id;
  } catch (error) {
    // create.go pulls on any not-found answer, so a missing --network also gives "Unable to find image".
    if (!(error instanceof ApiError) || error.status !== 404 || pull === "never") throw error;
    if (!quiet) io.stderr(`Unable to find image '${familiar}' locally\n`);
    await pullImage(client, request.image, io, io.stderr, quiet);
    return (await client.containerCreate(request.body, request.name)).Id;
  }
}
