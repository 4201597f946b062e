// System, registry, builder and volume commands not implemented yet.
import { tableFormatHelp, templateFormatHelp } from "../flag-help.js";
import { pending } from "./pending-command.js";

export const df = pending({
  name: "df",
  usage: "[OPTIONS]",
  description: "Show how much disk space Docker's objects take",
  flags: [
    { name: "format", kind: "string", usage: tableFormatHelp },
    { name: "verbose", short: "v", kind: "bool", usage: "Break the usage down object by object" },
  ],
  args: { kind: "none" },
});

export const events = pending({
  name: "events",
  usage: "[OPTIONS]",
  description: "Stream what happens on the daemon as it happens",
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Only show events that match these conditions" },
    { name: "format", kind: "string", usage: templateFormatHelp },
    { name: "since", kind: "string", usage: "Start with the events since this time" },
    { name: "until", kind: "string", usage: "Stop streaming at this time" },
  ],
  args: { kind: "none" },
});

export const systemPrune = pending({
  name: "prune",
  usage: "[OPTIONS]",
  description: "Delete stopped containers, unused networks, dangling images and build cache",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete every unused image, not only the dangling ones" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "label=<key>=<value>")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
    { name: "volumes", kind: "bool", usage: "Delete anonymous volumes too" },
  ],
  args: { kind: "none" },
});

export const login = pending({
  name: "login",
  usage: "[OPTIONS] [SERVER]",
  description: "Log in to a registry (Docker Hub unless a server is named)",
  flags: [
    { name: "password", short: "p", kind: "string", usage: "Password or personal access token" },
    { name: "password-stdin", kind: "bool", usage: "Read the password or personal access token from STDIN" },
    { name: "username", short: "u", kind: "string", usage: "User name" },
  ],
  args: { kind: "max", n: 1 },
});

export const logout = pending({
  name: "logout",
  usage: "[SERVER]",
  description: "Log out of a registry",
  flags: [],
  args: { kind: "max", n: 1 },
});

export const search = pending({
  name: "search",
  usage: "[OPTIONS] TERM",
  description: "Look for images on Docker Hub",
  flags: [
    { name: "filter", short: "f", kind: "filter", usage: "Only show results that match these conditions" },
    { name: "format", kind: "string", usage: "Go template to print each result with" },
    { name: "limit", kind: "int", usage: "Show at most this many results" },
    { name: "no-trunc", kind: "bool", usage: "Print descriptions in full" },
  ],
  args: { kind: "exact", n: 1 },
});

export const builderPrune = pending({
  name: "prune",
  usage: "",
  description: "Delete the build cache",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Delete all unused build cache, not only the dangling part" },
    { name: "filter", kind: "filter", usage: 'Only prune what matches (e.g. "until=24h")' },
    { name: "force", short: "f", kind: "bool", usage: "Skip the confirmation prompt" },
    { name: "keep-storage", kind: "bytes", usage: "Keep this much cache" },
  ],
  args: { kind: "none" },
});

export const volumeUpdate = pending({
  name: "update",
  usage: "[OPTIONS] [VOLUME]",
  description: "Change a cluster volume",
  // Swarm managers only: docker hides it from nodes outside a swarm.
  flags: [{ name: "availability", kind: "string", defaultText: '"active"', hidden: true, usage: 'Availability of the cluster volume ("active", "pause", "drain")' }],
  args: { kind: "exact", n: 1 },
});
