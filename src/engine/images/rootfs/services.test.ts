import { describe, expect, it } from "vitest";
import { executable, imageFs, read, which } from "./testing/image-fs.js";

/** The value of `directive` inside nginx's `location <path> { ... }` block. */
function locationDirective(conf: string, location: string, directive: string): string | undefined {
  const start = conf.indexOf(`location ${location} {`);
  if (start < 0) return undefined;
  const block = conf.slice(start, conf.indexOf("}", start));
  return new RegExp(`^\\s*${directive}\\s+([^;]+);`, "m").exec(block)?.[1]?.trim();
}

describe("nginx", () => {
  it.each(["nginx:latest", "nginx:stable", "nginx:alpine", "nginx:alpine-slim"])("%s: default.conf's root holds its index page", (ref) => {
    const { fs } = imageFs(ref);
    const conf = read(fs, "/etc/nginx/conf.d/default.conf") ?? "";
    const root = locationDirective(conf, "/", "root");
    const index = locationDirective(conf, "/", "index")?.split(/\s+/)[0];
    expect(root).toBe("/usr/share/nginx/html");
    expect(read(fs, `${root}/${index}`)).toContain("<html>");
    expect(read(fs, `${locationDirective(conf, "= /50x.html", "root")}/50x.html`)).toBeDefined();
    expect(conf).toMatch(/^\s+listen\s+80;$/m);
  });

  it.each(["nginx:latest", "nginx:alpine"])("%s: nginx.conf includes files that exist, and logs go to the container's output", (ref) => {
    const { fs } = imageFs(ref);
    const conf = read(fs, "/etc/nginx/nginx.conf") ?? "";
    expect(conf).toContain("user  nginx;");
    expect(conf).toContain("include /etc/nginx/conf.d/*.conf;");
    expect(read(fs, "/etc/nginx/mime.types")).toMatch(/text\/html\s+html htm shtml;/);
    expect(fs.entry("/var/log/nginx/access.log")).toMatchObject({ type: "symlink", target: "/dev/stdout" });
    expect(fs.entry("/var/log/nginx/error.log")).toMatchObject({ type: "symlink", target: "/dev/stderr" });
    expect(read(fs, "/etc/passwd")).toMatch(/\nnginx:x:101:101:/);
    expect(executable(fs, "/usr/sbin/nginx")).toBe(true);
    expect(fs.entry("/var/cache/nginx")?.type).toBe("dir");
  });

  it("runs the entrypoint's helper scripts, all executable", () => {
    const { fs } = imageFs("nginx:latest");
    expect(fs.list("/docker-entrypoint.d")).toEqual([
      "10-listen-on-ipv6-by-default.sh", "15-local-resolvers.envsh", "20-envsubst-on-templates.sh", "30-tune-worker-processes.sh",
    ]);
    for (const name of fs.list("/docker-entrypoint.d")) expect(executable(fs, `/docker-entrypoint.d/${name}`), name).toBe(true);
    expect(read(fs, "/docker-entrypoint.sh")).toContain("Configuration complete; ready for start up");
  });

  it("adds the dynamic modules in the full alpine image only", () => {
    expect(imageFs("nginx:alpine").fs.list("/usr/lib/nginx/modules")).toContain("ngx_http_js_module.so");
    expect(imageFs("nginx:alpine-slim").fs.list("/usr/lib/nginx/modules")).toEqual([]);
    expect(read(imageFs("nginx:alpine").fs, "/lib/apk/db/installed")).toContain("P:nginx-module-njs\n");
  });
});

describe("httpd", () => {
  it.each(["httpd:latest", "httpd:alpine"])("%s: serves htdocs and logs to stdout and stderr", (ref) => {
    const { fs, image } = imageFs(ref);
    const conf = read(fs, "/usr/local/apache2/conf/httpd.conf") ?? "";
    expect(conf).toContain('DocumentRoot "/usr/local/apache2/htdocs"');
    expect(conf).toContain("\nErrorLog /proc/self/fd/2\n");
    expect(conf).toContain("CustomLog /proc/self/fd/1 common");
    expect(read(fs, "/usr/local/apache2/htdocs/index.html")).toContain("<html>");
    expect(which(fs, "httpd", image.image.Config.Env ?? [])).toBe("/usr/local/apache2/bin/httpd");
    expect(fs.entry("/usr/local/apache2")).toMatchObject({ uid: ref.endsWith("alpine") ? 82 : 33 });
  });
});

describe("redis", () => {
  it.each([["redis:latest", 999], ["redis:alpine", 1000]])("%s: the server and tools, /data owned by redis", (ref, gid) => {
    const { fs } = imageFs(ref);
    for (const name of ["redis-server", "redis-cli", "redis-benchmark", "redis-sentinel", "docker-entrypoint.sh"]) {
      expect(executable(fs, `/usr/local/bin/${name}`), name).toBe(true);
    }
    expect(fs.entry("/data")).toMatchObject({ type: "dir", uid: 999, gid });
    expect(read(fs, "/etc/passwd")).toMatch(/\nredis:x:999:/);
  });
});

describe("postgres", () => {
  it.each([["postgres:17", "/var/lib/postgresql/data"], ["postgres:18", "/var/lib/postgresql/18/docker"]])(
    "%s: PGDATA %s is empty, owned by postgres, and the binaries are under /usr/lib/postgresql",
    (ref, pgdata) => {
      const { fs, image } = imageFs(ref);
      const env = image.image.Config.Env ?? [];
      expect(env).toContain(`PGDATA=${pgdata}`);
      expect(fs.entry(pgdata)).toMatchObject({ type: "dir", mode: 0o1777, uid: 999 });
      expect(fs.list(pgdata)).toEqual([]);
      const major = ref.split(":")[1];
      for (const name of ["postgres", "psql", "initdb", "pg_ctl"]) expect(which(fs, name, env), name).toMatch(new RegExp(`^/usr/(lib/postgresql/${major}/bin|bin)/`));
      expect(fs.entry("/docker-entrypoint-initdb.d")?.type).toBe("dir");
      expect(fs.resolve("/var/run/postgresql", true).entry).toMatchObject({ type: "dir", mode: 0o3777, uid: 999 });
      expect(read(fs, "/usr/share/postgresql/postgresql.conf.sample")).toContain("\nlisten_addresses = '*'\n");
    },
  );

  it("builds the alpine image into /usr/local, with bash for the entrypoint", () => {
    const { fs } = imageFs("postgres:alpine");
    expect(executable(fs, "/usr/local/bin/postgres")).toBe(true);
    expect(executable(fs, "/bin/bash")).toBe(true);
    expect(read(fs, "/etc/passwd")).toContain("\npostgres:x:70:70::/var/lib/postgresql:/bin/sh\n");
    expect(fs.entry("/usr/local/bin/docker-enforce-initdb.sh")).toMatchObject({ type: "symlink", target: "docker-ensure-initdb.sh" });
  });
});

describe("mysql", () => {
  it("has mysqld, the clients, my.cnf and the mysql user's directories", () => {
    const { fs, image } = imageFs("mysql:latest");
    const env = image.image.Config.Env ?? [];
    for (const name of ["mysqld", "mysql", "mysqladmin", "mysqldump", "mysqlsh"]) expect(which(fs, name, env), name).toBeDefined();
    expect(read(fs, "/etc/my.cnf")).toContain("socket=/var/run/mysqld/mysqld.sock");
    expect(fs.entry("/var/lib/mysql")).toMatchObject({ type: "dir", uid: 999 });
    expect(fs.resolve("/var/run/mysqld", true).entry).toMatchObject({ type: "dir", uid: 999 });
    expect(read(fs, "/etc/yum.repos.d/mysql-community-minimal.repo")).toContain("[mysql-innovation-server-minimal]\n");
  });
});

describe("node", () => {
  it.each([["node:latest", false], ["node:lts", true], ["node:lts-alpine", true], ["node:slim", false]])(
    "%s: node, npm, npx and yarn on PATH (corepack: %s), and the node user",
    (ref, corepack) => {
      const { fs, image } = imageFs(ref);
      const env = image.image.Config.Env ?? [];
      for (const name of ["node", "npm", "npx", "yarn"]) expect(which(fs, name, env), name).toBeDefined();
      expect(which(fs, "corepack", env) !== undefined).toBe(corepack);
      expect(read(fs, "/usr/local/lib/node_modules/npm/package.json")).toMatch(/"version": "1[01]\.\d+\.\d+"/);
      expect(read(fs, "/etc/passwd")).toMatch(/\nnode:x:1000:1000:/);
      expect(fs.entry("/home/node")).toMatchObject({ type: "dir", uid: 1000 });
    },
  );

  it("has procps (ps) in the full image, built on buildpack-deps, but not in slim", () => {
    expect(executable(imageFs("node:latest").fs, "/usr/bin/ps")).toBe(true);
    expect(imageFs("node:slim").fs.entry("/usr/bin/ps")).toBeUndefined();
  });
});

describe("python", () => {
  it.each([["python:latest", "3.14"], ["python:3.12", "3.12"], ["python:slim", "3.14"], ["python:alpine", "3.14"]])(
    "%s: python, python3 and pip for Python %s",
    (ref, minor) => {
      const { fs, image } = imageFs(ref);
      const env = image.image.Config.Env ?? [];
      expect(fs.resolve(which(fs, "python", env) ?? "", true).path).toBe(`/usr/local/bin/python${minor}`);
      for (const name of ["python3", "pip", "pip3", `pip${minor}`, "pydoc", "idle"]) expect(which(fs, name, env), name).toBeDefined();
      expect(fs.entry(`/usr/local/lib/python${minor}/site-packages`)?.type).toBe("dir");
    },
  );
});

describe("registry", () => {
  it.each([["registry:latest", "/etc/distribution/config.yml"], ["registry:2", "/etc/docker/registry/config.yml"]])(
    "%s: the binary in /bin and a config that stores under /var/lib/registry on :5000",
    (ref, config) => {
      const { fs, image } = imageFs(ref);
      expect(image.image.Config.Cmd).toEqual([config]);
      expect(read(fs, config)).toMatch(/rootdirectory: \/var\/lib\/registry\n[\s\S]*addr: :5000\n/);
      expect(executable(fs, "/bin/registry")).toBe(true);
      expect(executable(fs, "/entrypoint.sh")).toBe(true);
    },
  );
});
