// The node images' layers: the node user, Node.js unpacked into /usr/local (with npm, npx and,
// before Node 25, corepack), yarn classic in /opt, and the entrypoint.
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { alpineAccounts, apkDatabase } from "./alpine.js";
import { SKEL_BASH_LOGOUT, SKEL_BASHRC, SKEL_PROFILE } from "./debian-config.js";
import { debianAccountFiles, debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import { build, library, program, script, shadowDay } from "./stub.js";
import type { Owners, Specs } from "./stub.js";

export type NodeFlavour = "full" | "slim" | "alpine";

/** The npm and corepack each release bundles (Node 25 dropped corepack). */
const BUNDLED: Record<string, { npm: string; corepack?: string }> = {
  "25.1.0": { npm: "11.6.2" },
  "24.11.0": { npm: "11.6.1", corepack: "0.34.1" },
  "22.21.1": { npm: "10.9.4", corepack: "0.34.0" },
  "20.19.5": { npm: "10.8.2", corepack: "0.32.0" },
};

const YARN = "1.22.22";
const NODE_HOME = "/home/node";

/** "debian:trixie-slim" or "buildpack-deps:bookworm" → "trixie", "bookworm". */
export function suiteOf(baseKey: string): string {
  const found = /trixie|bookworm|bullseye/.exec(baseKey);
  if (!found) throw new Error(`rootfs: no Debian suite in ${baseKey}`);
  return found[0];
}

/** Debian: `groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node`. */
export function nodeDebianUser(suite: string, created: string): Layer {
  const home: Specs = {
    [NODE_HOME]: dir(0o700),
    [`${NODE_HOME}/.bashrc`]: SKEL_BASHRC,
    [`${NODE_HOME}/.profile`]: SKEL_PROFILE,
    [`${NODE_HOME}/.bash_logout`]: SKEL_BASH_LOGOUT,
  };
  const owners: Owners = {};
  for (const path of Object.keys(home)) owners[path] = [1000, 1000];
  return build({
    ...debianAccountFiles(suite, {
      passwd: [`node:x:1000:1000::${NODE_HOME}:/bin/bash`],
      group: ["node:x:1000:"],
      shadow: [`node:!:${shadowDay(created)}:0:99999:7:::`],
      gshadow: ["node:!::"],
    }),
    ...home,
  }, created, owners);
}

function npmPackageJson(name: string, version: string, description: string, bin: Record<string, string>): string {
  return `${JSON.stringify({ name, version, description, bin, license: name === "npm" ? "Artistic-2.0" : "MIT", engines: { node: ">=18" } }, null, 2)}\n`;
}

/** What the official tarball puts under /usr/local (extracted with --strip-components=1). */
function nodeTree(version: string): Specs {
  const bundled = BUNDLED[version];
  if (!bundled) throw new Error(`rootfs: no node release ${version}`);
  const modules = "/usr/local/lib/node_modules";
  const specs: Specs = {
    "/usr/local/bin/node": program("node", `Node.js v${version}`),
    "/usr/local/bin/nodejs": link("/usr/local/bin/node"),
    "/usr/local/bin/npm": link("../lib/node_modules/npm/bin/npm-cli.js"),
    "/usr/local/bin/npx": link("../lib/node_modules/npm/bin/npx-cli.js"),
    [`${modules}/npm/package.json`]: npmPackageJson("npm", bundled.npm, "a package manager for JavaScript", { npm: "bin/npm-cli.js", npx: "bin/npx-cli.js" }),
    [`${modules}/npm/bin/npm-cli.js`]: script("#!/usr/bin/env node\n// npm's command line: hands the process over to npm's CLI module.\nrequire('../lib/cli.js')(process)\n"),
    [`${modules}/npm/bin/npx-cli.js`]: script("#!/usr/bin/env node\n// npx: runs a package's binary, as `npm exec` does.\nrequire('../lib/cli.js')(process, 'exec')\n"),
    [`${modules}/npm/lib/cli.js`]: "// npm's CLI entry (stand-in): the playground runs npm commands itself.\nmodule.exports = () => {}\n",
    [`${modules}/npm/README.md`]: "# npm\n\nThe package manager for JavaScript, bundled with Node.js.\n",
    "/usr/local/include/node/node.h": "/* Node.js embedder and addon API (stand-in). */\n",
    "/usr/local/share/man/man1/node.1": ".TH NODE 1\n.SH NAME\nnode \\- server-side JavaScript runtime\n",
    "/usr/local/share/doc/node/gdbinit": "# gdb helpers for debugging Node.js\n",
    "/usr/local/CHANGELOG.md": `# Node.js ChangeLog\n\nv${version}: see https://github.com/nodejs/node/blob/main/CHANGELOG.md\n`,
    "/usr/local/LICENSE": "Node.js is licensed for use as follows: MIT License (see https://github.com/nodejs/node/blob/main/LICENSE).\n",
    "/usr/local/README.md": "# Node.js\n\nNode.js is an open-source, cross-platform JavaScript runtime environment.\n",
  };
  if (bundled.corepack) {
    specs["/usr/local/bin/corepack"] = link("../lib/node_modules/corepack/dist/corepack.js");
    specs[`${modules}/corepack/package.json`] = npmPackageJson("corepack", bundled.corepack, "Zero-runtime-dependency package acting as bridge between Node projects and their package managers", { corepack: "./dist/corepack.js" });
    specs[`${modules}/corepack/dist/corepack.js`] = script("#!/usr/bin/env node\n// corepack: fetches the package manager a project asks for (stand-in).\n");
  }
  return specs;
}

/** Debian (full or slim): the tarball, plus libatomic1 that the slim build keeps installed. */
export function nodeDebianInstall(version: string, flavour: NodeFlavour, suite: string, created: string): Layer {
  const specs: Specs = { ...nodeTree(version) };
  if (flavour === "slim") {
    Object.assign(specs, debianStatusFile(suite, debs("libatomic1=14.2.0-19", { libatomic1: ["libs", "support library providing __atomic built-in functions"] })));
    specs["/usr/lib/x86_64-linux-gnu/libatomic.so.1"] = library("libatomic.so.1", "libatomic1");
  }
  return build(specs, created);
}

/** Alpine: the node user (busybox adduser), libstdc++, and the unofficial musl build. */
export function nodeAlpineInstall(version: string, alpineVersion: string, created: string): Layer {
  return build({
    ...alpineAccounts({
      passwd: [`node:x:1000:1000::${NODE_HOME}:/bin/sh`],
      group: ["node:x:1000:node"],
      shadow: [`node:!:${shadowDay(created)}:0:99999:7:::`],
    }),
    [NODE_HOME]: dir(),
    ...apkDatabase(alpineVersion, [
      { name: "libgcc", version: "14.2.0-r6", description: "GNU C compiler runtime libraries", url: "https://gcc.gnu.org", license: "GPL-2.0-or-later AND LGPL-2.1-or-later", files: ["usr/lib/libgcc_s.so.1"] },
      { name: "libstdc++", version: "14.2.0-r6", description: "GNU C++ standard runtime library", url: "https://gcc.gnu.org", license: "GPL-2.0-or-later AND LGPL-2.1-or-later", files: ["usr/lib/libstdc++.so.6"] },
    ], ["libstdc++"]),
    "/usr/lib/libstdc++.so.6": library("libstdc++.so.6", "libstdc++ 14.2.0"),
    "/usr/lib/libgcc_s.so.1": library("libgcc_s.so.1", "libgcc 14.2.0"),
    ...nodeTree(version),
  }, created, { [NODE_HOME]: [1000, 1000] });
}

/** yarn classic, unpacked into /opt and linked from /usr/local/bin. */
export function yarnClassic(created: string): Layer {
  const root = `/opt/yarn-v${YARN}`;
  return build({
    [`${root}/bin/yarn`]: script(`#!/bin/sh\n# Runs yarn's JavaScript entry point with node.\nexec node "$(dirname "$(readlink -f "$0")")/yarn.js" "$@"\n`),
    [`${root}/bin/yarnpkg`]: script(`#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/yarn" "$@"\n`),
    [`${root}/bin/yarn.js`]: script("#!/usr/bin/env node\n// yarn's entry point: loads the bundled CLI.\nrequire('../lib/cli.js');\n"),
    [`${root}/lib/cli.js`]: "// yarn's bundled CLI (stand-in): the playground runs yarn commands itself.\n",
    [`${root}/package.json`]: `${JSON.stringify({ name: "yarn", version: YARN, license: "BSD-2-Clause", bin: { yarn: "./bin/yarn.js", yarnpkg: "./bin/yarn.js" } }, null, 2)}\n`,
    [`${root}/LICENSE`]: "BSD 2-Clause License: see https://github.com/yarnpkg/yarn/blob/master/LICENSE\n",
    "/usr/local/bin/yarn": link(`${root}/bin/yarn`),
    "/usr/local/bin/yarnpkg": link(`${root}/bin/yarnpkg`),
  }, created);
}

// Our own script, with the image's rule: a first argument that is a flag, or not a command
// on PATH (a script file, say), is an argument for node.
const ENTRYPOINT = `#!/bin/sh
set -e

# "docker run node app.js" and "docker run node --version" both mean node.
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

export const nodeEntrypoint = (created: string): Layer =>
  build({ "/usr/local/bin/docker-entrypoint.sh": script(ENTRYPOINT) }, created);
