// inspect --format as the real docker CLI 28.2.2 runs it: against the object decoded into its Go
// types (zero values for what the JSON left out, Go field names), falling back to the raw JSON
// with missingkey=error when that fails. Expected outputs were recorded with the real CLI
// against our daemon (DOCKER_HOST=tcp://... docker image inspect -f ...).
import { describe, expect, it } from "vitest";
import { CliHarness } from "../testing/harness.js";

const RICH_DOCKERFILE = `FROM alpine
LABEL team=web tier=back
EXPOSE 80/tcp 53/udp
VOLUME /data
USER nobody
WORKDIR /srv
STOPSIGNAL SIGTERM
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["sleep 1000"]
HEALTHCHECK --interval=5s --timeout=2s CMD true
ONBUILD RUN echo hi
SHELL ["/bin/ash", "-c"]
`;

async function withAlpine(): Promise<CliHarness> {
  const cli = new CliHarness();
  await cli.docker("pull", "alpine");
  return cli;
}

async function stdout(cli: CliHarness, ...argv: string[]): Promise<string> {
  const result = await cli.docker(...argv);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

const failure = (stderr: string) => ({ stdout: "\n", stderr: `${stderr}\n`, exitCode: 1 });

describe("image inspect --format", () => {
  it("shows the zero values of the image config's left-out fields", async () => {
    const cli = await withAlpine();
    expect(await stdout(cli, "image", "inspect", "-f", "{{.Config.Labels}} {{.Config.Entrypoint}} {{json .Config.Cmd}}", "alpine")).toBe('map[] [] ["/bin/sh"]\n');
    expect(
      await stdout(cli, "image", "inspect", "-f", "{{json .Config.Labels}} {{json .Config.Entrypoint}} {{.Config.ExposedPorts}} {{.Config.Healthcheck}} {{.Config.ArgsEscaped}} {{.Config.User}}|", "alpine"),
    ).toBe("null null map[] <nil> false |\n");
    expect(
      await stdout(cli, "image", "inspect", "-f", "{{.Variant}}|{{.OsVersion}}|{{json .Descriptor}}|{{len .Manifests}}|{{.VirtualSize}}|{{.Container}}|{{.ContainerConfig}}", "alpine"),
    ).toBe("||null|0|0||<nil>\n");
    expect(
      await stdout(cli, "image", "inspect", "-f", '{{if .Config.Labels}}y{{else}}n{{end}} {{range .Config.Entrypoint}}x{{end}} {{index .Config.Labels "a"}}|{{len .Config.Labels}}', "alpine"),
    ).toBe("n  |0\n");
    expect(await stdout(cli, "image", "inspect", "-f", "{{.Metadata.LastTagTime}} {{.Metadata}}", "alpine")).toBe(
      "0001-01-01 00:00:00 +0000 UTC {0001-01-01 00:00:00 +0000 UTC}\n",
    );
  });

  it("marshals the config as the daemon sent it", async () => {
    const cli = await withAlpine();
    expect(await stdout(cli, "image", "inspect", "-f", "{{json .Config}}", "alpine")).toBe(
      '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"],"WorkingDir":"/"}\n',
    );
    const json = await stdout(cli, "image", "inspect", "-f", "{{json .}}", "alpine");
    const plain = JSON.parse(await stdout(cli, "image", "inspect", "alpine")) as unknown[];
    expect(json).toBe(`${JSON.stringify(plain[0])}\n`);
  });

  it("prints the fields of a config that has them all", async () => {
    const cli = await withAlpine();
    cli.hostFiles.put("rich/Dockerfile", RICH_DOCKERFILE);
    expect((await cli.docker("build", "-q", "-t", "rich", "rich")).exitCode).toBe(0);
    expect(
      await stdout(cli, "image", "inspect", "-f", "{{.Config.ExposedPorts}} {{.Config.Volumes}} {{json .Config.ExposedPorts}} {{.Config.Labels}} {{.Config.OnBuild}} {{.Config.Shell}} {{.Config.StopSignal}} {{.Config.User}}", "rich"),
    ).toBe("map[53/udp:{} 80/tcp:{}] map[/data:{}] {\"53/udp\":{},\"80/tcp\":{}} map[team:web tier:back] [RUN echo hi] [/bin/ash -c] SIGTERM nobody\n");
    expect(await stdout(cli, "image", "inspect", "-f", "{{json .Config.Healthcheck}} {{.Config.Healthcheck.Retries}} {{.Config.Healthcheck.Test}}", "rich")).toBe(
      '{"Test":["CMD-SHELL","true"],"Interval":5000000000,"Timeout":2000000000} 0 [CMD-SHELL true]\n',
    );
    // time.Duration prints as Go's String; a left-out one is 0s.
    expect(await stdout(cli, "image", "inspect", "-f", "{{.Config.Healthcheck.Interval}}|{{.Config.Healthcheck.Timeout}}|{{.Config.Healthcheck.StartPeriod}}", "rich")).toBe("5s|2s|0s\n");
  });

  it("reads fields by their Go names, and falls back to the JSON's names with missingkey=error", async () => {
    const cli = await withAlpine();
    const id = await stdout(cli, "image", "inspect", "-f", "{{.ID}}", "alpine");
    expect(id).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(await stdout(cli, "image", "inspect", "-f", "{{.Id}}", "alpine")).toBe(id);
    // .Id fails against the Go type, and the raw JSON has no "ID".
    expect(await cli.docker("image", "inspect", "-f", "{{.ID}}|{{.Id}}", "alpine")).toEqual(
      failure('template parsing error: template: :1:2: executing "" at <.ID>: map has no entry for key "ID"'),
    );
    // In the raw JSON, a left-out field is a missing key.
    expect(await cli.docker("image", "inspect", "-f", "{{.Id}} {{.Config.Labels}}", "alpine")).toEqual(
      failure('template parsing error: template: :1:17: executing "" at <.Config.Labels>: map has no entry for key "Labels"'),
    );
    expect(await cli.docker("image", "inspect", "-f", "{{.Config.Healthcheck.Test}}", "alpine")).toEqual(
      failure('template parsing error: template: :1:9: executing "" at <.Config.Healthcheck.Test>: map has no entry for key "Healthcheck"'),
    );
  });

  it("fails on a field no type has, once per object", async () => {
    const cli = await withAlpine();
    const message = 'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"';
    expect(await cli.docker("image", "inspect", "-f", "{{.Foo}}", "alpine", "alpine")).toEqual(failure(`${message}\n${message}`));
    expect(await cli.docker("image", "inspect", "-f", "{{.Config.Foo}}", "alpine")).toEqual(
      failure('template parsing error: template: :1:9: executing "" at <.Config.Foo>: map has no entry for key "Foo"'),
    );
    // A missing key of a map is only no value.
    expect(await stdout(cli, "image", "inspect", "-f", "{{.Config.Labels.foo}}", "alpine")).toBe("<no value>\n");
  });

  it("prints the objects as one line of JSON for -f json", async () => {
    const cli = await withAlpine();
    const plain = JSON.parse(await stdout(cli, "image", "inspect", "alpine")) as unknown[];
    expect(await stdout(cli, "image", "inspect", "-f", "json", "alpine")).toBe(`${JSON.stringify(plain)}\n`);
    expect(await cli.docker("inspect", "-f", "json", "nonexist")).toEqual({ stdout: "[]\n", stderr: "Error: No such object: nonexist\n", exitCode: 1 });
    // Only "json" itself: with spaces it is a template of plain text.
    expect(await stdout(cli, "image", "inspect", "-f", " json ", "alpine")).toBe(" json \n");
  });
});

describe("container inspect --format", () => {
  it("shows nil pointers, slices and maps as Go prints them", async () => {
    const cli = await withAlpine();
    await cli.docker("run", "-d", "--name", "web", "alpine", "sleep", "1000");
    expect(
      await stdout(
        cli, "inspect", "-f",
        "{{.State.Health}} {{json .State.Health}} {{.ExecIDs}} {{json .ExecIDs}} {{.HostConfig.Binds}} {{.HostConfig.Init}} {{.SizeRw}} {{json .SizeRw}} {{.ImageManifestDescriptor}} {{.HostConfig.Annotations}} {{.Config.Shell}} {{.Config.StopTimeout}}",
        "web",
      ),
    ).toBe("<nil> null [] null [] <nil> <nil> null <nil> map[] [] <nil>\n");
    expect(await stdout(cli, "inspect", "-f", "{{.HostConfig.RestartPolicy}} {{.HostConfig.LogConfig}}", "web")).toBe("{no 0} {json-file map[]}\n");
    expect(await stdout(cli, "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAMConfig}} {{.Links}} {{json .Links}} {{.DriverOpts}}{{end}}", "web")).toBe(
      "<nil> [] null map[]\n",
    );
    expect(await stdout(cli, "inspect", "-f", "{{.State}}", "web")).toMatch(/^\{running true false false false false \d+ 0 {2}\S+Z 0001-01-01T00:00:00Z <nil>\}\n$/);
    // Go's field names against the typed object; the JSON's name works through the fallback.
    expect(await stdout(cli, "inspect", "-f", "{{.HostConfig.DNS}} {{.HostConfig.CPUShares}}", "web")).toBe("[] 0\n");
    expect(await stdout(cli, "inspect", "-f", "{{.HostConfig.Dns}}", "web")).toBe("[]\n");
  });

  it("keeps a port's null bindings apart from its empty ones", async () => {
    const cli = await withAlpine();
    await cli.docker("run", "-d", "--name", "ex", "-p", "9000:90", "--expose", "91", "alpine", "sleep", "1000");
    expect(await stdout(cli, "inspect", "-f", "{{.NetworkSettings.Ports}} {{json .NetworkSettings.Ports}} {{.Config.ExposedPorts}}", "ex")).toBe(
      'map[90/tcp:[{0.0.0.0 9000} {:: 9000}] 91/tcp:[]] {"90/tcp":[{"HostIp":"0.0.0.0","HostPort":"9000"},{"HostIp":"::","HostPort":"9000"}],"91/tcp":null} map[90/tcp:{} 91/tcp:{}]\n',
    );
  });

  it("reads the raw JSON's nulls as no value once it falls back to it", async () => {
    const cli = await withAlpine();
    await cli.docker("run", "-d", "--name", "web", "alpine", "sleep", "1000");
    expect(await stdout(cli, "inspect", "-f", "{{.Id}} {{.ExecIDs}} {{.HostConfig.Binds}} {{.Config.Volumes}}", "web")).toMatch(/^[0-9a-f]{64} <no value> <no value> <no value>\n$/);
    expect(await cli.docker("inspect", "-f", "{{.ExecIDs.x}}", "web")).toEqual(
      failure('template parsing error: template: :1:10: executing "" at <.ExecIDs.x>: nil pointer evaluating interface {}.x'),
    );
    expect(await cli.docker("inspect", "-f", "{{.State.Health.Status}}", "web")).toEqual(
      failure('template parsing error: template: :1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"'),
    );
  });

  it("reports objects it could not find and templates that failed in the order of the arguments", async () => {
    const cli = await withAlpine();
    await cli.docker("run", "-d", "--name", "web", "alpine", "sleep", "1000");
    const foo = 'template parsing error: template: :1:12: executing "" at <.Foo>: map has no entry for key "Foo"';
    expect(await cli.docker("inspect", "-f", "{{.Name}} {{.Foo}}", "web", "nonexist")).toEqual(failure(`${foo}\nError: No such object: nonexist`));
    expect(await cli.docker("inspect", "-f", "{{.Name}} {{.Foo}}", "nonexist", "web")).toEqual(failure(`Error: No such object: nonexist\n${foo}`));
    expect(await cli.docker("inspect", "-f", "{{.Name}}", "web", "nonexist")).toEqual({ stdout: "/web\n", stderr: "Error: No such object: nonexist\n", exitCode: 1 });
  });
});

describe("network and volume inspect --format", () => {
  it("shows a network's nil maps and slices, and its creation time as time.Time", async () => {
    const cli = new CliHarness();
    await cli.docker("network", "create", "app");
    expect(await stdout(cli, "network", "inspect", "-f", "{{.Options}} {{.Labels}} {{.Peers}} {{json .Peers}} {{.Services}} {{json .IPAM}}", "app")).toBe(
      'map[] map[] [] null map[] {"Driver":"default","Options":{},"Config":[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]}\n',
    );
    expect(await stdout(cli, "network", "inspect", "-f", "{{range .IPAM.Config}}{{.IPRange}}|{{.AuxAddress}}|{{json .AuxAddress}}{{end}}", "app")).toBe("|map[]|null\n");
    expect(await stdout(cli, "network", "inspect", "-f", "{{.Created}} {{json .Created}}", "app")).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"\n$/,
    );
  });

  it("shows a volume's nil maps and pointers", async () => {
    const cli = new CliHarness();
    // `volume create` sends no empty Labels or DriverOpts (omitempty), so they stay null.
    await cli.docker("volume", "create", "vol");
    expect(await stdout(cli, "volume", "inspect", "-f", "{{.Labels}} {{json .Labels}} {{.Status}} {{.UsageData}} {{json .Options}} {{.ClusterVolume}}", "vol")).toBe(
      "map[] null map[] <nil> null <nil>\n",
    );
  });

  it("has no raw JSON to fall back on in volume inspect, unlike docker inspect", async () => {
    const cli = new CliHarness();
    await cli.docker("volume", "create", "vol");
    expect(await cli.docker("volume", "inspect", "-f", "{{.Foo}}", "vol")).toEqual(
      failure('template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type volume.Volume'),
    );
    expect(await cli.docker("inspect", "-f", "{{.Foo}}", "vol")).toEqual(
      failure('template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"'),
    );
    expect(await stdout(cli, "volume", "inspect", "-f", "{{.Labels.x.y}}", "vol")).toBe("<no value>\n");
  });
});
