#!/usr/bin/env node
// Records which entries the real docker CLI 28.2.2 puts in the build context it sends, for a set
// of .dockerignore files: each case's tree is written to a scratch directory, `docker build` runs
// against a stand-in daemon that keeps the POST /build body, and the tar's entry names and size
// are written down. src/cli/commands/build-contexts.test.ts replays them through our archiver.
// Usage: node scripts/record-build-contexts.mjs > src/cli/testdata/build-contexts.json
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const files = ["Dockerfile", "a.txt", "b.log", "logs/x.log", "logs/keep.txt", "src/main.go", "src/lib/util.go", "src/lib/util_test.go", "docs/README.md", "docs/README-dev.md", "temp", "temp1", "dir/temp", "dir/sub/temp", "node_modules/pkg/index.js", "build/out/bin", "a b.txt", "x[1].txt"];
const cases = [
  "",
  "*.log\n",
  "logs\n!logs/keep.txt\n",
  "logs/\n",
  "**/*.go\n!src/main.go\n",
  "src/**\n",
  "**\n!Dockerfile\n!src\n",
  "*\n!src/lib\n",
  "*/temp*\n",
  "*/*/temp*\n",
  "temp?\n",
  "**/temp\n",
  "docs/README*.md\n!docs/README.md\n",
  "/node_modules\n./build/\n",
  "# a comment\n  a.txt  \n\n",
  "Dockerfile\n.dockerignore\n",
  "!a.txt\n*.txt\n",
  "a?b.txt\nx\\[1\\].txt\n",
  "build/**/bin\n",
  "\uFEFFa.txt\r\nb.log\r\n",
  "src/lib/*\n!src/lib/util.go\n",
  "*/\n",
  "**/lib\n",
  "src\n!src/lib/util.go\n",
];

let captured;
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    res.setHeader("Api-Version", "1.50");
    res.setHeader("Ostype", "linux");
    if (req.url.endsWith("/_ping")) return res.end("OK");
    if (req.url.includes("/build")) {
      captured = Buffer.concat(chunks);
      res.setHeader("Content-Type", "application/json");
      return res.end(`${JSON.stringify({ stream: `sha256:${"0".repeat(64)}\n` })}\n`);
    }
    res.statusCode = 404;
    res.end("{}");
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const host = `tcp://127.0.0.1:${server.address().port}`;

/** The names in a tar, PAX paths included. */
function names(tar) {
  const out = [];
  let pax;
  for (let at = 0; at + 512 <= tar.length; ) {
    const block = tar.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    const size = parseInt(block.subarray(124, 136).toString().replace(/\0.*$/, "").trim() || "0", 8);
    const flag = String.fromCharCode(block[156]);
    const data = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (flag === "x") {
      pax = /\d+ path=([^\n]*)\n/.exec(data.toString())?.[1];
      continue;
    }
    const cstr = (b) => b.toString().replace(/\0.*$/s, "");
    const prefix = cstr(block.subarray(345, 500));
    out.push(pax ?? (prefix ? `${prefix}/${cstr(block.subarray(0, 100))}` : cstr(block.subarray(0, 100))));
    pax = undefined;
  }
  return out;
}

const run = (cwd) =>
  new Promise((resolve) => {
    const child = spawn("docker", ["build", "-q", "."], { cwd, env: { PATH: process.env.PATH, HOME: "/nonexistent", DOCKER_HOST: host } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stderr }));
  });

const recorded = [];
for (const dockerignore of cases) {
  const dir = mkdtempSync(join(tmpdir(), "build-context-"));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), file === "Dockerfile" ? "FROM scratch\n" : `${file}\n`);
  }
  if (dockerignore !== "") writeFileSync(join(dir, ".dockerignore"), dockerignore);
  captured = undefined;
  const { code, stderr } = await run(dir);
  if (code !== 0 || !captured) throw new Error(`docker build failed for ${JSON.stringify(dockerignore)}: ${stderr}`);
  recorded.push({ dockerignore, size: captured.length, entries: names(captured) });
  rmSync(dir, { recursive: true, force: true });
}
server.close();
process.stdout.write(`${JSON.stringify({ recordedWith: "docker CLI 28.2.2", files, cases: recorded }, null, 2)}\n`);
