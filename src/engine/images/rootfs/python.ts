// The python images' layers: runtime dependencies, CPython installed into /usr/local (with pip
// from ensurepip), and the unversioned links (python, pip, pydoc, idle, python-config).
import { dir, link } from "../../fs/layer-builder.js";
import type { Layer } from "../../fs/layer.js";
import { apkDatabase } from "./alpine.js";
import type { ApkPackage } from "./alpine.js";
import { buildpackPackages } from "./buildpack-deps.js";
import { debianStatusFile } from "./debian.js";
import { debs } from "./dpkg.js";
import { caBundle, netbase, zoneinfo } from "./package-files.js";
import { build, library, links, program, script } from "./stub.js";
import type { Specs } from "./stub.js";

export type PythonFlavour = "full" | "slim" | "alpine";

const PIP = "25.2";
const ALPINE = "3.22.2";

const DEB_INFO: Record<string, [string, string]> = {
  "libbluetooth-dev": ["libdevel", "Development files for using the BlueZ Linux Bluetooth library"],
  "tk-dev": ["devel", "Toolkit for Tcl and X11 (default version) - development files"],
  "uuid-dev": ["libdevel", "Universally Unique ID library - headers and static libraries"],
  "ca-certificates": ["misc", "Common CA certificates"],
  netbase: ["admin", "Basic TCP/IP networking system"],
  tzdata: ["localization", "time zone and daylight-saving time data"],
};

const ALPINE_RUNTIME: ApkPackage[] = [
  { name: "ca-certificates", version: "20250911-r0", description: "Common CA certificates PEM files from Mozilla", url: "https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/", license: "MPL-2.0 AND MIT" },
  { name: "tzdata", version: "2025b-r0", description: "Timezone data", url: "https://www.iana.org/time-zones", license: "Public-Domain" },
];

// What the build's scanelf finds the interpreter linked against, kept as .python-rundeps.
const ALPINE_RUNDEPS: ApkPackage[] = [
  { name: "libffi", version: "3.4.8-r0", description: "portable, high level programming interface to various calling conventions", url: "https://sourceware.org/libffi/", license: "MIT" },
  { name: "sqlite-libs", version: "3.49.2-r1", description: "Sqlite3 library", url: "https://www.sqlite.org/", license: "blessing" },
  { name: "ncurses-libs", version: "6.5_p20250503-r0", description: "Ncurses libraries", url: "https://invisible-island.net/ncurses/", license: "X11" },
  { name: "readline", version: "8.2.13-r1", description: "GNU readline library", url: "https://tiswww.cwru.edu/php/chet/readline/rltop.html", license: "GPL-3.0-or-later" },
];

/** The apt or apk step before the build: the libraries and data Python needs at run time. */
export function pythonRuntimeDeps(flavour: PythonFlavour, created: string): Layer {
  if (flavour === "alpine") {
    return build({ ...apkDatabase(ALPINE, ALPINE_RUNTIME, ["ca-certificates", "tzdata"]), ...caBundle(), ...zoneinfo() }, created);
  }
  if (flavour === "slim") {
    return build({
      ...debianStatusFile("trixie", debs("ca-certificates=20250419 netbase=6.5 tzdata=2025b-4+deb13u1", DEB_INFO)),
      ...caBundle(),
      ...netbase(),
      ...zoneinfo(),
      "/etc/localtime": link("/usr/share/zoneinfo/Etc/UTC"),
    }, created);
  }
  return build({
    ...debianStatusFile("trixie", [
      ...buildpackPackages("trixie", "full"),
      ...debs("libbluetooth-dev=5.82-1.1 tk-dev=8.6.16 uuid-dev=2.41-5", DEB_INFO),
    ]),
    "/usr/include/bluetooth/bluetooth.h": "/* BlueZ: Bluetooth protocol definitions (stand-in). */\n",
    "/usr/include/uuid/uuid.h": "/* libuuid: UUID generation (stand-in). */\n",
    "/usr/include/tk.h": "/* Tk toolkit declarations (stand-in). */\n",
  }, created);
}

const pipScript = (minor: string): string =>
  `#!/usr/local/bin/python${minor}\n# -*- coding: utf-8 -*-\n# Console script written by pip: runs pip's main function.\nimport re\nimport sys\nfrom pip._internal.cli.main import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n`;

/** `make install` of CPython <version> into /usr/local, tests and bytecode removed. */
export function pythonBuild(version: string, flavour: PythonFlavour, created: string): Layer {
  const minor = version.split(".").slice(0, 2).join(".");
  const from = `CPython ${version}`;
  const bin = "/usr/local/bin";
  const lib = `/usr/local/lib/python${minor}`;
  const site = `${lib}/site-packages`;
  const specs: Specs = {
    [`${bin}/python${minor}`]: program(`python${minor}`, from),
    [`${bin}/python3`]: link(`python${minor}`),
    [`${bin}/python${minor}-config`]: script(`#!/bin/sh\n# Prints the flags to compile and link against Python ${minor}.\necho "-I/usr/local/include/python${minor}"\n`),
    [`${bin}/python3-config`]: link(`python${minor}-config`),
    [`${bin}/pip${minor}`]: script(pipScript(minor)),
    [`${bin}/pip3`]: script(pipScript(minor)),
    [`${bin}/pydoc${minor}`]: script(`#!/usr/local/bin/python${minor}\n\nimport pydoc\nif __name__ == "__main__":\n    pydoc.cli()\n`),
    [`${bin}/pydoc3`]: link(`pydoc${minor}`),
    [`${bin}/idle${minor}`]: script(`#!/usr/local/bin/python${minor}\n\nfrom idlelib.pyshell import main\nif __name__ == "__main__":\n    main()\n`),
    [`${bin}/idle3`]: link(`idle${minor}`),
    [`/usr/local/lib/libpython${minor}.so.1.0`]: library(`libpython${minor}.so.1.0`, from),
    [`/usr/local/lib/libpython${minor}.so`]: link(`libpython${minor}.so.1.0`),
    "/usr/local/lib/libpython3.so": library("libpython3.so", from),
    [`/usr/local/include/python${minor}/Python.h`]: "/* The Python/C API (stand-in). */\n",
    [`${lib}/os.py`]: '"""OS routines for NT or Posix depending on what system we\'re on (stand-in)."""\n',
    [`${lib}/site.py`]: '"""Append module search paths for third-party packages to sys.path (stand-in)."""\n',
    [`${lib}/json/__init__.py`]: '"""JSON (JavaScript Object Notation) encoder and decoder (stand-in)."""\n',
    [`${lib}/http/server.py`]: '"""HTTP server classes (stand-in)."""\n',
    [`${lib}/lib-dynload`]: dir(),
    [`${site}/README.txt`]: "Packages installed with pip land in this directory; site.py puts it on sys.path.\n",
    [`${site}/pip/__init__.py`]: `__version__ = "${PIP}"\n`,
    [`${site}/pip-${PIP}.dist-info/METADATA`]: `Metadata-Version: 2.4\nName: pip\nVersion: ${PIP}\nSummary: The PyPA recommended tool for installing Python packages.\nLicense-Expression: MIT\nRequires-Python: >=3.9\n`,
    [`${site}/pip-${PIP}.dist-info/INSTALLER`]: "pip\n",
  };
  if (flavour === "alpine") {
    Object.assign(specs, apkDatabase(ALPINE, [...ALPINE_RUNTIME, ...ALPINE_RUNDEPS], ["ca-certificates", "tzdata", ".python-rundeps"]));
    specs["/usr/lib/libffi.so.8"] = library("libffi.so.8", "libffi 3.4.8");
    specs["/usr/lib/libsqlite3.so.0"] = library("libsqlite3.so.0", "sqlite-libs 3.49.2");
  }
  return build(specs, created);
}

/** The Dockerfile's loop: idle, pip, pydoc, python and python-config, each linked to its "3" name. */
export const pythonUnversionedLinks = (created: string): Layer =>
  build({
    ...links("/usr/local/bin", ["idle"], "idle3"),
    ...links("/usr/local/bin", ["pip"], "pip3"),
    ...links("/usr/local/bin", ["pydoc"], "pydoc3"),
    ...links("/usr/local/bin", ["python"], "python3"),
    ...links("/usr/local/bin", ["python-config"], "python3-config"),
  }, created);
