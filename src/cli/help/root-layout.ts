// How `docker --help` sorts the commands of docker 28.2.2 into sections, as it prints them when
// connected to a daemon like ours (no experimental features, not a swarm manager: checkpoint and
// the manager-only swarm commands are hidden then).

/** "Common Commands", in docker's order (the commands' category-top annotations). */
export const commonCommands = ["run", "exec", "ps", "build", "pull", "push", "images", "login", "logout", "search", "version", "info"];

/** "Management Commands". */
export const managementCommands = ["builder", "container", "context", "image", "manifest", "network", "plugin", "system", "trust", "volume"];

/** "Swarm Commands" that a node outside a swarm still lists. */
export const swarmCommands = ["swarm"];

/** Management commands the playground lists but does not have (they are not single-host). */
export const listedOnly: Readonly<Record<string, string>> = {
  context: "Switch between and manage the daemons the client talks to",
  manifest: "Work with image manifests and multi-platform manifest lists",
  plugin: "Install and manage daemon plugins",
  swarm: "Set up and run a swarm of Docker hosts",
  trust: "Sign images and check their signatures",
};

/** Help for `docker help`, the command: it is never listed, but it completes. */
export const helpCommandDescription = "Show the help of a command";
