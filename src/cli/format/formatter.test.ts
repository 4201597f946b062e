import { describe, expect, it } from "vitest";
import {
  FormatError, isTableFormat, marshalContextJson, renderFormat, templateString, toJsonObject,
} from "./formatter.js";
import { goQuote } from "./text.js";

const HEADER = {
  ID: "CONTAINER ID", Image: "IMAGE", Command: "COMMAND", RunningFor: "CREATED", Status: "STATUS",
  Ports: "PORTS", Names: "NAMES", Size: "SIZE", State: "STATE", Labels: "LABELS",
};
const PS_TABLE = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
const TYPE = "*formatter.ContainerContext";

// The two containers of docker/cli's TestContainerContextWrite.
function container(id: string, name: string, extra: Record<string, unknown> = {}): object {
  return {
    ID: () => id,
    Image: () => "ubuntu",
    Command: () => goQuote(""),
    RunningFor: () => "24 hours ago",
    Status: () => "",
    Ports: () => "",
    Names: () => name,
    Size: () => "0B",
    State: () => "running",
    Label: (key: string) => (key === "com.example" ? "yes" : ""),
    ...extra,
  };
}
const ROWS = [container("containerID1", "foobar_baz"), container("containerID2", "foobar_bar")];

function render(format: string, rows: readonly object[] = ROWS): string {
  return renderFormat({ format, rows, header: HEADER, typeName: TYPE });
}

describe("renderFormat: tables", () => {
  it("prints the empty docker ps header exactly", () => {
    expect(render(PS_TABLE, [])).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });

  it("matches docker's default table for two containers", () => {
    expect(render(PS_TABLE)).toBe(
      "CONTAINER ID   IMAGE     COMMAND   CREATED        STATUS    PORTS     NAMES\n" +
        'containerID1   ubuntu    ""        24 hours ago                       foobar_baz\n' +
        'containerID2   ubuntu    ""        24 hours ago                       foobar_bar\n',
    );
    expect(render(`${PS_TABLE}\t{{.Size}}`).split("\n")[1]).toBe(
      'containerID1   ubuntu    ""        24 hours ago                       foobar_baz   0B',
    );
  });

  it("prints single-column tables", () => {
    expect(render("table {{.Image}}")).toBe("IMAGE\nubuntu\nubuntu\n");
    expect(render("table {{.State}}")).toBe("STATE\nrunning\nrunning\n");
    expect(render("table {{.Image}}\t{{.Size}}", [])).toBe("IMAGE     SIZE\n");
  });

  it("matches docker's special-headers golden file", () => {
    const format =
      "table {{truncate .ID 5}}\t{{json .Image}} {{.RunningFor}}/{{title .Status}}/{{pad .Ports 2 2}}.{{upper .Names}} {{lower .Status}}";
    expect(render(format)).toBe(
      "CONTAINER ID   IMAGE CREATED/STATUS/  PORTS  .NAMES STATUS\n" +
        'conta          "ubuntu" 24 hours ago//.FOOBAR_BAZ \n' +
        'conta          "ubuntu" 24 hours ago//.FOOBAR_BAR \n',
    );
  });

  it("keeps the header of split unchanged", () => {
    expect(render('table {{split .Image ":"}}')).toBe("IMAGE\n[ubuntu]\n[ubuntu]\n");
  });

  it("titles a label column from the label's last segment", () => {
    expect(render('table {{.Label "com.example.my-label_x"}}\t{{.Label "com.example"}}', ROWS.slice(0, 1))).toBe(
      "my label x   example\n             yes\n",
    );
  });

  it("prints <no value> for a header with no title", () => {
    expect(render("table {{.Foo}}", [])).toBe("<no value>\n");
  });

  it("keeps what the header wrote before a header error", () => {
    expect(render("table {{.ID}}\t{{json .}}", [])).toBe("CONTAINER ID   \n");
  });

  it("treats any format starting with table as a table", () => {
    expect(render("tableX{{.Image}}", [])).toBe("XIMAGE\n");
  });
});

describe("renderFormat: other formats", () => {
  it("prints rows only, and nothing for no rows", () => {
    expect(render("{{.Image}}")).toBe("ubuntu\nubuntu\n");
    expect(render("{{.Image}}", [])).toBe("");
    expect(render("{{.ID}}\\t{{.Image}}", ROWS.slice(0, 1))).toBe("containerID1\tubuntu\n");
  });

  it("prints IDs in quiet mode, without a header", () => {
    expect(renderFormat({ format: PS_TABLE, quiet: true, rows: ROWS, header: HEADER })).toBe("containerID1\ncontainerID2\n");
    expect(renderFormat({ format: PS_TABLE, quiet: true, quietFormat: "{{.Names}}", rows: ROWS, header: HEADER })).toBe(
      "foobar_baz\nfoobar_bar\n",
    );
  });

  it("prints one sorted, HTML-escaped JSON object per row for --format json", () => {
    const rows = [container("c1", "web", { Ports: () => "0.0.0.0:80->80/tcp", Image: () => "<none>", lower: () => "hidden" })];
    expect(render("json", rows)).toBe(
      '{"Command":"\\"\\"","ID":"c1","Image":"\\u003cnone\\u003e","Names":"web","Ports":"0.0.0.0:80-\\u003e80/tcp",' +
        '"RunningFor":"24 hours ago","Size":"0B","State":"running","Status":""}\n',
    );
  });

  it("does not HTML-escape the json function on a field", () => {
    const rows = [container("c1", "web", { Ports: () => "0.0.0.0:80->80/tcp" })];
    expect(render("{{json .Ports}}", rows)).toBe('"0.0.0.0:80->80/tcp"\n');
  });
});

describe("renderFormat: errors", () => {
  function failure(format: string): string {
    try {
      render(format);
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      return (e as Error).message;
    }
    throw new Error("rendered");
  }

  it("wraps parse errors", () => {
    expect(failure("{{InvalidFunction}}")).toBe('template parsing error: template: :1: function "InvalidFunction" not defined');
  });

  it("wraps execution errors", () => {
    expect(failure("{{nil}}")).toBe('template parsing error: template: :1:2: executing "" at <nil>: nil is not a command');
    expect(failure("table {{.Foo}}")).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
  });
});

describe("templateString and isTableFormat", () => {
  it("strips table, expands json and the two-character escapes", () => {
    expect(templateString("table {{.ID}}\\t{{.Image}}")).toBe("{{.ID}}\t{{.Image}}");
    expect(templateString("json")).toBe("{{json .}}");
    expect(templateString("  {{.ID}}\\n  ")).toBe("{{.ID}}\n");
    expect(templateString("\t{{.ID}}\t")).toBe("\t{{.ID}}\t");
    expect(templateString("table")).toBe("");
  });

  it("tests for the table prefix", () => {
    expect(isTableFormat("table")).toBe(true);
    expect(isTableFormat("tablefoo")).toBe(true);
    expect(isTableFormat(" table")).toBe(false);
    expect(isTableFormat("json")).toBe(false);
  });
});

describe("toJsonObject", () => {
  it("takes exported zero-argument methods and values, sorted, minus FullHeader", () => {
    const ctx = { b: 1, Zed: () => "z", Alpha: "a", Label: (k: string) => k, FullHeader: () => "h", Mid: null };
    expect(Object.keys(toJsonObject(ctx))).toEqual(["Alpha", "Mid", "Zed"]);
    expect(marshalContextJson(ctx)).toBe('{"Alpha":"a","Mid":null,"Zed":"z"}');
  });

  it("reads methods and getters from a class", () => {
    class Ctx {
      private readonly id = "x";
      ID(): string {
        return this.id;
      }
      get Names(): string {
        return "n";
      }
    }
    expect(toJsonObject(new Ctx())).toEqual({ ID: "x", Names: "n" });
  });

  it("encodes nested values with sorted map keys", () => {
    expect(marshalContextJson({ Platform: () => ({ os: "linux", architecture: "amd64" }), Labels: () => "a=b&c" })).toBe(
      '{"Labels":"a=b\\u0026c","Platform":{"architecture":"amd64","os":"linux"}}',
    );
  });
});
