// ip (busybox's applet, or iproute2's) and busybox's ifconfig: the loopback interface and one
// eth per network the container is on, with its address, prefix length and MAC, and the routes
// Docker installs (the default one through the first network's gateway).
import type { ProcessContext } from "../program.js";
import { endpointsOf, flavourOf, subnetOf, type Endpoint } from "./container-facts.js";

interface Out {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Interface {
  index: number;
  name: string;
  /** The host-side veth's index, shown as eth0@ifN. */
  peer: number;
  endpoint: Endpoint;
}

function interfaces(ctx: ProcessContext): Interface[] {
  return endpointsOf(ctx).map((endpoint, i) => {
    const last = Number(endpoint.address.split(".")[3] ?? "2");
    const index = 2 * last + 7 + 2 * i;
    return { index, name: `eth${i}`, peer: index + 1, endpoint };
  });
}

function loopback(busybox: boolean, withAddress: boolean): string {
  const group = busybox ? "" : " group default";
  let out = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN${group} qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n`;
  if (withAddress) out += "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n";
  return out;
}

function ethernet(i: Interface, busybox: boolean, withAddress: boolean): string {
  const flags = busybox ? "BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN" : "BROADCAST,MULTICAST,UP,LOWER_UP";
  const e = i.endpoint;
  let out = `${i.index}: ${i.name}@if${i.peer}: <${flags}> mtu 1500 qdisc noqueue state UP ${busybox ? "" : "group default "}\n`;
  out += `    link/ether ${e.mac} brd ff:ff:ff:ff:ff:ff${busybox ? "" : " link-netnsid 0"}\n`;
  if (withAddress) {
    out += `    inet ${e.address}/${e.prefix} brd ${subnetOf(e.address, e.prefix).broadcast} scope global ${i.name}\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}

function routes(list: Interface[], busybox: boolean): string {
  const first = list[0];
  let out = first ? `default via ${first.endpoint.gateway} dev ${first.name} \n` : "";
  for (const i of list) {
    const { network } = subnetOf(i.endpoint.address, i.endpoint.prefix);
    out += busybox
      ? `${network}/${i.endpoint.prefix} dev ${i.name} scope link  src ${i.endpoint.address} \n`
      : `${network}/${i.endpoint.prefix} dev ${i.name} proto kernel scope link src ${i.endpoint.address} \n`;
  }
  return out;
}

const OBJECTS: Record<string, "address" | "route" | "link"> = {
  a: "address", ad: "address", add: "address", addr: "address", addre: "address", addres: "address", address: "address",
  r: "route", ro: "route", rou: "route", rout: "route", route: "route",
  l: "link", li: "link", lin: "link", link: "link",
};

export function ip(ctx: ProcessContext, args: string[]): Out {
  const busybox = flavourOf(ctx, "ip") === "busybox";
  const words = args.filter((a) => !a.startsWith("-"));
  const family = args.includes("-4") ? 4 : args.includes("-6") ? 6 : 0;
  const object = words[0] === undefined ? undefined : OBJECTS[words[0]];
  if (object === undefined) {
    if (words[0] === undefined) {
      return { stdout: "", stderr: busybox ? "BusyBox v1.37.0 (2025-08-05 16:40:33 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n" : "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n", exitCode: busybox ? 1 : 255 };
    }
    return { stdout: "", stderr: busybox ? `ip: unknown command '${words[0]}'\n` : `Object "${words[0]}" is unknown, try "ip help".\n`, exitCode: busybox ? 1 : 255 };
  }
  let list = interfaces(ctx);
  const dev = words.indexOf("dev");
  const wanted = dev >= 0 ? words[dev + 1] : words.find((w, i) => i > 1 && w !== "show" && w !== "list");
  if (object === "route") return { stdout: family === 6 ? "" : routes(list, busybox), stderr: "", exitCode: 0 };
  let showLo = true;
  if (wanted !== undefined) {
    showLo = wanted === "lo";
    list = list.filter((i) => i.name === wanted);
    if (!showLo && list.length === 0) {
      return { stdout: "", stderr: busybox ? `ip: can't find device '${wanted}'\n` : `Device "${wanted}" does not exist.\n`, exitCode: 1 };
    }
  }
  const withAddress = object === "address";
  if (family === 6 && withAddress) return { stdout: "", stderr: "", exitCode: 0 };
  let out = showLo ? loopback(busybox, withAddress) : "";
  for (const i of list) out += ethernet(i, busybox, withAddress);
  if (family === 4 && withAddress) {
    // -4 leaves out the link lines.
    out = out.split("\n").filter((line) => !line.startsWith("    link/")).join("\n");
  }
  return { stdout: out, stderr: "", exitCode: 0 };
}

function bytes(n: number): string {
  if (n < 1024) return `${n.toFixed(1)} B`;
  return `${(n / 1024).toFixed(1)} KiB`;
}

/** busybox ifconfig: eth interfaces first, then lo, each followed by an empty line. */
export function ifconfig(ctx: ProcessContext, args: string[]): Out {
  const wanted = args.find((a) => !a.startsWith("-"));
  const blocks: string[] = [];
  for (const i of interfaces(ctx)) {
    if (wanted !== undefined && wanted !== i.name) continue;
    const e = i.endpoint;
    const { mask, broadcast } = subnetOf(e.address, e.prefix);
    const rx = 1032 + 86 * (i.index % 5);
    blocks.push(
      `${i.name.padEnd(10)}Link encap:Ethernet  HWaddr ${e.mac.toUpperCase()}  \n` +
        `          inet addr:${e.address}  Bcast:${broadcast}  Mask:${mask}\n` +
        "          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n" +
        `          RX packets:${Math.round(rx / 86)} errors:0 dropped:0 overruns:0 frame:0\n` +
        "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n" +
        "          collisions:0 txqueuelen:0 \n" +
        `          RX bytes:${rx} (${bytes(rx)})  TX bytes:0 (0.0 B)\n`,
    );
  }
  if (wanted === undefined || wanted === "lo") {
    blocks.push(
      "lo        Link encap:Local Loopback  \n" +
        "          inet addr:127.0.0.1  Mask:255.0.0.0\n" +
        "          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n" +
        "          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n" +
        "          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n" +
        "          collisions:0 txqueuelen:1000 \n" +
        "          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n",
    );
  }
  if (blocks.length === 0) return { stdout: "", stderr: `ifconfig: ${wanted}: error fetching interface information: Device not found\n`, exitCode: 1 };
  return { stdout: blocks.map((b) => `${b}\n`).join(""), stderr: "", exitCode: 0 };
}
