#!/usr/bin/env bash
# Records what the real docker CLI 28.2.2 prints for cp, export, save, load and import into
# archive-cli.json, replayed by src/cli/commands/archive-commands.test.ts. The daemon is ours
# (start one: node bin/docker-playground.js daemon -H tcp://127.0.0.1:23793), so what is
# recorded is the CLI's side: its checks, messages, exit codes and the lines it prints.
# With a second daemon's port, also records a load whose layer that daemon does not have.
# Usage: src/cli/testdata/record-archive-cli.sh [PORT [SECOND_PORT]]
set -u
port="${1:-23793}"
second="${2:-}"
export DOCKER_HOST="tcp://127.0.0.1:${port}"
out="$(cd "$(dirname "$0")" && pwd)/archive-cli.json"
work="$(mktemp -d)"
home="$work/learner"
mkdir -p "$home/site/css"
printf '<h1>hi</h1>\n' > "$home/site/index.html"
printf 'body{}\n' > "$home/site/css/a.css"
printf 'garbage\n' > "$home/garbage.txt"
cd "$home" || exit 1

entries=()
# step NAME TTY ARGS... ; TTY is "tty" (stdout and stdin a terminal) or "-"
step() {
  local name="$1" tty="$2"
  shift 2
  local code
  if [ "$tty" = tty ]; then
    script -q -e -c "$(printf '%q ' docker "$@") 2>$work/err" /dev/null >"$work/out"
    code=$?
    sed -i 's/\r$//' "$work/out"
  else
    docker "$@" >"$work/out" 2>"$work/err" </dev/null
    code=$?
  fi
  entries+=("$(python3 - "$name" "$tty" "$code" "$work" "$home" "$@" <<'PY'
import json, sys
name, tty, code, work, home, *argv = sys.argv[1:]
read = lambda f: open(f"{work}/{f}", encoding="utf-8", errors="replace", newline="").read().replace(home, "/home/learner")
print(json.dumps({"name": name, "tty": tty == "tty", "argv": argv, "exitCode": int(code), "stdout": read("out"), "stderr": read("err")}))
PY
)")
}

docker pull -q alpine >/dev/null
docker rm -f c1 >/dev/null 2>&1
docker create --name c1 alpine >/dev/null

step cp-file-to-cwd - cp c1:/etc/hosts .
step cp-file-tty tty cp c1:/etc/os-release osr
step cp-dir-tty tty cp site c1:/srv/
step cp-dir-quiet tty cp -q site c1:/opt
step cp-missing - cp c1:/nope .
step cp-trailing-slash-file - cp c1:/etc/hosts/ .
step cp-into-missing-dir - cp site/index.html c1:/etc/hosts/
step cp-missing-host-source - cp nope c1:/
step cp-no-output-dir - cp c1:/etc/os-release nodir/x
step cp-between-containers - cp c1:/a c1:/b
step cp-no-container - cp a b
step cp-empty-source - cp "" c1:/
step cp-stdin-to-file - cp - c1:/etc/hosts
step export-tty tty export c1
step export-bad-output - export -o nodir/x.tar c1
step export-nope - export nope
step save-tty tty save alpine
step save-nope - save nope
step save-nope-tag - save nope:1
step save-bad-output - save -o nodir/x.tar alpine
step load-tty-stdin tty load
step load-missing-file - load -i nofile.tar
step import-missing-file - import nofile.tar
step import-bad-name - import garbage.txt Bad:Name
docker save -o alpine.tar alpine
step load-file - load -i alpine.tar
step load-file-tty tty load -i alpine.tar
if [ -n "$second" ]; then
  docker export c1 | docker import - imported:1 >/dev/null
  docker save -o imported.tar imported:1
  DOCKER_HOST="tcp://127.0.0.1:${second}" step load-new-layer-tty tty load -i imported.tar
fi

{
  echo '{'
  echo '  "recordedWith": "docker CLI 28.2.2 against docker-playground",'
  echo '  "fixtures": ['
  for i in "${!entries[@]}"; do
    sep=","
    [ "$i" -eq $((${#entries[@]} - 1)) ] && sep=""
    echo "    ${entries[$i]}$sep"
  done
  echo '  ]'
  echo '}'
} > "$out"
docker rm -f c1 >/dev/null
rm -rf "$work"
echo "wrote $out"
