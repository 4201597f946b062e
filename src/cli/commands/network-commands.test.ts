import { describe, expect, it } from "vitest";
import { expectGolden } from "../testing/golden.js";
import { CliHarness } from "../testing/harness.js";

describe("docker network", () => {
  it("create prints the full id; ls sorts names in natural order, -q and --format", async () => {
    const cli = new CliHarness();
    for (const name of ["network-10", "network-2", "network-1"]) {
      const r = await cli.docker("network", "create", name);
      expect([r.exitCode, r.stderr]).toEqual([0, ""]);
      expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    }
    expectGolden("network-ls-sort", (await cli.docker("network", "ls")).stdout);
    expect((await cli.docker("network", "ls", "-q")).stdout).toMatch(/^([0-9a-f]{12}\n){6}$/);
    expect((await cli.docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.IPv4}} {{.Internal}}", "-f", "name=network-1")).stdout).toBe(
      "network-1 bridge true false\nnetwork-10 bridge true false\n",
    );
    expect((await cli.docker("network", "list", "--filter", "type=custom", "--format", "{{.Name}}")).stdout).toBe("network-1\nnetwork-2\nnetwork-10\n");
  });

  it("create passes the IPAM flags, and checks them as the CLI does", async () => {
    const cli = new CliHarness();
    const created = await cli.docker(
      "network", "create", "--subnet", "10.10.0.0/16", "--ip-range", "10.10.5.0/24", "--gateway", "10.10.0.254",
      "--aux-address", "router=10.10.0.2", "--label", "team=web", "--internal", "--attachable", "-o", "com.docker.network.driver.mtu=1400", "custom",
    );
    expect(created.exitCode).toBe(0);
    const inspect = await cli.docker("network", "inspect", "custom");
    const [network] = JSON.parse(inspect.stdout) as Record<string, unknown>[];
    expect(network).toMatchObject({
      Name: "custom",
      Driver: "bridge",
      Internal: true,
      Attachable: true,
      Labels: { team: "web" },
      Options: { "com.docker.network.driver.mtu": "1400" },
      IPAM: { Driver: "default", Options: {}, Config: [{ Subnet: "10.10.0.0/16", IPRange: "10.10.5.0/24", Gateway: "10.10.0.254", AuxiliaryAddresses: { router: "10.10.0.2" } }] },
    });
    const fail = (args: string[]) => cli.docker("network", "create", ...args, "x");
    expect(await fail(["--gateway", "10.0.0.1"])).toEqual({ stdout: "", stderr: "every ip-range or gateway must have a corresponding subnet\n", exitCode: 1 });
    expect((await fail(["--subnet", "10.0.0.0/8", "--subnet", "10.1.0.0/16"])).stderr).toBe("multiple overlapping subnet configuration is not supported\n");
    expect((await fail(["--subnet", "10.0.0.0/8", "--gateway", "11.0.0.1"])).stderr).toBe("no matching subnet for gateway 11.0.0.1\n");
    expect((await fail(["--subnet", "10.10.0.0/24"])).stderr).toBe("Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n");
    expect((await cli.docker("network", "create", "custom")).stderr).toBe("Error response from daemon: network with name custom already exists\n");
    expect((await fail(["-d", "overlay"])).stderr).toBe(
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    );
  });

  it("connect, inspect and disconnect a running container", async () => {
    const cli = new CliHarness();
    await cli.docker("network", "create", "app");
    await cli.docker("run", "-d", "--name", "web", "nginx");
    expect(await cli.docker("network", "connect", "--alias", "www", "app", "web")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    const ip = "{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}";
    expect((await cli.docker("network", "inspect", "-f", ip, "app")).stdout).toBe("web 172.18.0.2/16\n");
    expect((await cli.docker("inspect", "-f", "{{json .NetworkSettings.Networks.app.Aliases}}", "web")).stdout).toBe('["www"]\n');
    expect((await cli.docker("network", "connect", "app", "web")).stderr).toBe("Error response from daemon: endpoint with name web already exists in network app\n");
    expect(await cli.docker("network", "disconnect", "app", "web")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await cli.docker("network", "inspect", "-f", ip, "app")).stdout).toBe("\n");
    expect((await cli.docker("network", "connect", "nope", "web")).stderr).toBe("Error response from daemon: network nope not found\n");
    expect(await cli.docker("network", "inspect", "nope")).toEqual({ stdout: "[]\n", stderr: "Error response from daemon: network nope not found\n", exitCode: 1 });
  });

  it("rm reports each failure, then exit status 1; -f ignores missing networks", async () => {
    const cli = new CliHarness();
    await cli.docker("network", "create", "app");
    await cli.docker("network", "create", "db");
    await cli.docker("run", "-d", "--network", "app", "--name", "api", "nginx");
    const r = await cli.docker("network", "rm", "app", "bridge", "nope", "db");
    expect(r.stdout).toBe("db\n");
    expect(r.stderr).toMatch(
      /^Error response from daemon: error while removing network: network app has active endpoints \(name:"api" id:"[0-9a-f]{12}"\)\nError response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: network nope not found\nexit status 1\n$/,
    );
    expect(r.exitCode).toBe(1);
    expect(await cli.docker("network", "rm", "-f", "nope")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("prune asks first, and with -f lists what it removed", async () => {
    const cli = new CliHarness();
    await cli.docker("network", "create", "used");
    await cli.docker("network", "create", "idle-1");
    await cli.docker("network", "create", "idle-2");
    await cli.docker("run", "-d", "--network", "used", "--name", "api", "nginx");
    expect(await cli.docker("network", "prune")).toEqual({
      stdout: "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ",
      stderr: "",
      exitCode: 0,
    });
    expect((await cli.docker("network", "ls", "--format", "{{.Name}}")).stdout).toBe("bridge\nhost\nidle-1\nidle-2\nnone\nused\n");
    expect(await cli.docker("network", "prune", "-f")).toEqual({ stdout: "Deleted Networks:\nidle-1\nidle-2\n\n", stderr: "", exitCode: 0 });
    expect(await cli.docker("network", "prune", "-f")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("requires its arguments as cobra does", async () => {
    const cli = new CliHarness();
    expect((await cli.docker("network", "create")).stderr).toBe(
      "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
    );
    expect((await cli.docker("network", "connect", "app")).exitCode).toBe(1);
  });
});
