// Base operating-system images (alpine, busybox, ubuntu, debian, oraclelinux) and hello-world.
// Sizes and build dates follow the real amd64 images of late 2025.

import { add, cmd, copy, DEFAULT_PATH, legacy, rootfs } from "./catalog-spec.js";
import type { ImageSpec, RepositorySpec } from "./catalog-spec.js";
import { alpineRootfs } from "./rootfs/alpine.js";
import { busyboxVariantRootfs } from "./rootfs/busybox.js";
import { debianRootfs, ubuntuRootfs } from "./rootfs/debian.js";
import { helloWorldRootfs } from "./rootfs/hello-world.js";
import { oraclelinuxRootfs } from "./rootfs/oraclelinux.js";

function alpine(version: string, created: string, size: number, compressedSize: number): ImageSpec {
  return {
    key: `alpine:${version}`,
    rootConfig: { Env: [`PATH=${DEFAULT_PATH}`] },
    created,
    buildkit: true,
    steps: [
      add(`alpine-minirootfs-${version}-x86_64.tar.gz /`, size, compressedSize, () => alpineRootfs(version, created)),
      cmd("/bin/sh"),
    ],
  };
}

export const alpine322 = alpine("3.22.2", "2025-10-08T11:04:53Z", 8_314_032, 3_802_452);
export const alpine321 = alpine("3.21.5", "2025-10-08T11:04:35Z", 7_834_910, 3_644_817);
export const alpine320 = alpine("3.20.8", "2025-10-08T11:04:20Z", 7_806_292, 3_626_711);
const alpineEdge = alpine("20251007", "2025-10-07T22:17:09Z", 8_516_781, 3_861_024);

function busybox(variant: string, created: string, size: number, compressedSize: number): ImageSpec {
  return {
    key: `busybox:${variant}`,
    rootConfig: { Env: [`PATH=${DEFAULT_PATH}`] },
    created,
    buildkit: true,
    steps: [add("busybox.tar.xz /", size, compressedSize, () => busyboxVariantRootfs(variant, created)), cmd("sh")],
  };
}

const busyboxGlibc = busybox("1.37.0-glibc", "2024-09-26T21:31:42Z", 4_424_862, 2_212_540);
const busyboxMusl = busybox("1.37.0-musl", "2024-09-26T21:31:42Z", 1_480_254, 913_214);
const busyboxUclibc = busybox("1.37.0-uclibc", "2024-09-26T21:31:42Z", 1_301_570, 804_325);
const busybox136 = busybox("1.36.1-glibc", "2024-09-26T21:31:41Z", 4_265_410, 2_155_893);

function ubuntu(version: string, created: string, size: number, compressedSize: number): ImageSpec {
  return {
    key: `ubuntu:${version}`,
    created,
    buildkit: false,
    dockerVersion: "24.0.7",
    steps: [
      legacy.arg("RELEASE"),
      legacy.arg("LAUNCHPAD_BUILD_ARCH"),
      legacy.label("org.opencontainers.image.ref.name", "ubuntu"),
      legacy.label("org.opencontainers.image.version", version),
      legacy.addRootfs(size, compressedSize, () => ubuntuRootfs(version, created)),
      legacy.cmd("/bin/bash"),
    ],
    rootConfig: { Env: [`PATH=${DEFAULT_PATH}`] },
  };
}

const noble = ubuntu("24.04", "2025-10-01T13:51:33.493209453Z", 78_118_927, 29_723_147);
const jammy = ubuntu("22.04", "2025-10-01T13:50:58.712043391Z", 77_871_820, 29_536_125);
const focal = ubuntu("20.04", "2025-04-08T10:40:24.412906744Z", 72_812_215, 27_512_134);

// debuerreotype builds every suite from the same snapshot timestamp, with one history line.
const DEBIAN_SNAPSHOT = "2025-10-20T00:00:00Z";

function debian(suite: string, slim: boolean, size: number, compressedSize: number): ImageSpec {
  return {
    key: `debian:${suite}${slim ? "-slim" : ""}`,
    rootConfig: { Env: [`PATH=${DEFAULT_PATH}`], Cmd: ["bash"] },
    created: DEBIAN_SNAPSHOT,
    buildkit: false,
    steps: [
      rootfs(
        `# debian.sh --arch 'amd64' out/ '${suite}' '@${Date.parse(DEBIAN_SNAPSHOT) / 1000}'`,
        "debuerreotype 0.16",
        size,
        compressedSize,
        () => debianRootfs(suite, slim ? "slim" : "full", DEBIAN_SNAPSHOT),
      ),
    ],
  };
}

export const trixie = debian("trixie", false, 120_283_311, 49_288_511);
export const trixieSlim = debian("trixie", true, 78_621_354, 29_774_013);
export const bookworm = debian("bookworm", false, 116_549_021, 48_493_522);
export const bookwormSlim = debian("bookworm", true, 74_814_283, 28_227_259);
const bullseye = debian("bullseye", false, 124_434_811, 53_740_322);
const bullseyeSlim = debian("bullseye", true, 80_634_126, 30_254_711);

/** oraclelinux:9-slim, the base of the mysql images (not itself in the catalog). */
export const oraclelinux9Slim: ImageSpec = {
  key: "oraclelinux:9-slim",
  rootConfig: { Env: [`PATH=${DEFAULT_PATH}`] },
  created: "2025-10-14T22:07:51.204839012Z",
  buildkit: false,
  dockerVersion: "24.0.7",
  steps: [
    legacy.addRootfs(114_567_712, 45_912_318, () => oraclelinuxRootfs("2025-10-14T22:07:51.204839012Z")),
    legacy.cmd("/bin/bash"),
  ],
};

const helloWorld: ImageSpec = {
  key: "hello-world:latest",
  rootConfig: { Env: [`PATH=${DEFAULT_PATH}`] },
  created: "2025-08-13T22:18:44Z",
  buildkit: true,
  steps: [copy("hello /", 10_072, 3_952, () => helloWorldRootfs("2025-08-13T22:18:44Z")), cmd("/hello")],
};

export const osRepositories: RepositorySpec[] = [
  {
    shortName: "alpine",
    description: "A tiny Linux distribution built on musl libc and BusyBox, with the apk package manager.",
    stars: 11_312,
    images: [
      { tags: ["latest", "3", "3.22", "3.22.2"], spec: alpine322 },
      { tags: ["3.21", "3.21.5"], spec: alpine321 },
      { tags: ["3.20", "3.20.8"], spec: alpine320 },
      { tags: ["edge", "20251007"], spec: alpineEdge },
    ],
  },
  {
    shortName: "busybox",
    description: "One small binary providing the classic Unix utilities and a shell.",
    stars: 3_412,
    images: [
      { tags: ["latest", "1", "1.37", "1.37.0", "glibc", "1.37-glibc", "1.37.0-glibc"], spec: busyboxGlibc },
      { tags: ["musl", "1.37-musl", "1.37.0-musl"], spec: busyboxMusl },
      { tags: ["uclibc", "1.37-uclibc", "1.37.0-uclibc"], spec: busyboxUclibc },
      { tags: ["1.36", "1.36.1", "1.36-glibc", "1.36.1-glibc"], spec: busybox136 },
    ],
  },
  {
    shortName: "ubuntu",
    description: "Canonical's Debian-based Linux distribution: the minimal root filesystem of each release.",
    stars: 17_934,
    images: [
      { tags: ["latest", "24.04", "noble"], spec: noble },
      { tags: ["22.04", "jammy"], spec: jammy },
      { tags: ["20.04", "focal"], spec: focal },
    ],
  },
  {
    shortName: "debian",
    description: "The universal operating system: a minimal Debian root filesystem, full or slim.",
    stars: 5_217,
    images: [
      { tags: ["latest", "trixie", "13", "13.1"], spec: trixie },
      { tags: ["trixie-slim", "13-slim", "13.1-slim"], spec: trixieSlim },
      { tags: ["bookworm", "12", "12.12"], spec: bookworm },
      { tags: ["bookworm-slim", "12-slim", "12.12-slim"], spec: bookwormSlim },
      { tags: ["bullseye", "11", "11.11"], spec: bullseye },
      { tags: ["bullseye-slim", "11-slim", "11.11-slim"], spec: bullseyeSlim },
    ],
  },
  {
    shortName: "hello-world",
    description: "The smallest useful image: prints a greeting that proves Docker can pull and run images.",
    stars: 2_463,
    images: [{ tags: ["latest", "linux"], spec: helloWorld }],
  },
];
