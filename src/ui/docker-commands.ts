// The commands behind the panel buttons. They are typed into the terminal for the learner to
// read, so they are written the way a person would type them.
import type { ContainerView, ImageView, NetworkView, VolumeView } from "../protocol/index.js";
import { containerName, imageRef } from "./resource-format.js";

/** Quotes a word for the shell only when it needs it (Docker names and tags rarely do). */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:@+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export const predefinedNetworks: ReadonlySet<string> = new Set(["bridge", "host", "none"]);

export interface PanelAction {
  label: string;
  command: string;
}

export function containerActions(container: ContainerView): PanelAction[] {
  const name = shellWord(containerName(container));
  const actions: PanelAction[] = [];
  if (container.state === "paused") actions.push({ label: "Unpause", command: `docker unpause ${name}` });
  if (container.state === "running" || container.state === "restarting" || container.state === "paused") {
    actions.push({ label: "Stop", command: `docker stop ${name}` });
    // docker rm refuses a running container; -f is what a learner would reach for next.
    actions.push({ label: "Remove", command: `docker rm -f ${name}` });
  } else {
    actions.push({ label: "Start", command: `docker start ${name}` });
    actions.push({ label: "Remove", command: `docker rm ${name}` });
  }
  return actions;
}

export function imageActions(image: ImageView): PanelAction[] {
  const ref = shellWord(imageRef(image));
  return [
    { label: "Run", command: `docker run -d ${ref}` },
    { label: "Remove", command: `docker rmi ${ref}` },
  ];
}

export function volumeActions(volume: VolumeView): PanelAction[] {
  return [{ label: "Remove", command: `docker volume rm ${shellWord(volume.name)}` }];
}

export function networkActions(network: NetworkView): PanelAction[] {
  if (predefinedNetworks.has(network.name)) return [];
  return [{ label: "Remove", command: `docker network rm ${shellWord(network.name)}` }];
}
