// buildkit's BFlags: the --flags an instruction accepts, checked when the instruction is parsed.

import { withSuggestion } from "./suggest";

type FlagType = "bool" | "string" | "strings";

export interface Flag {
  value: string;
  values: string[];
}

export class BFlags {
  private readonly defined = new Map<string, { type: FlagType; flag: Flag }>();
  /** Names (without "--") in the order first given. */
  readonly used: string[] = [];

  constructor(private readonly args: readonly string[]) {}

  bool(name: string): Flag {
    return this.add(name, "bool", "false");
  }

  string(name: string, def = ""): Flag {
    return this.add(name, "string", def);
  }

  strings(name: string): Flag {
    return this.add(name, "strings", "");
  }

  private add(name: string, type: FlagType, value: string): Flag {
    const flag = { value, values: [] };
    this.defined.set(name, { type, flag });
    return flag;
  }

  /** Throws buildkit's message for the first flag that is unknown, repeated or malformed. */
  parse(): void {
    for (const a of this.args) {
      if (a === "--") return;
      if (!a.startsWith("--")) throw new Error(`arg should start with -- : ${a}`);
      const eq = a.indexOf("=");
      const flagName = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? "" : a.slice(eq + 1);
      const hasValue = eq >= 0;
      const name = flagName.slice(2);
      const def = this.defined.get(name);
      if (!def) throw new Error(withSuggestion(`unknown flag: ${flagName}`, name, [...this.defined.keys()], true));
      if (this.used.includes(name) && def.type !== "strings") throw new Error(`duplicate flag specified: ${flagName}`);
      if (!this.used.includes(name)) this.used.push(name);
      switch (def.type) {
        case "bool": {
          if (hasValue && value === "") throw new Error(`missing a value on flag: ${flagName}`);
          const v = value.toLowerCase();
          if (v !== "true" && v !== "" && v !== "false") {
            throw new Error(`expecting boolean value for flag ${flagName}, not: ${value}`);
          }
          def.flag.value = v === "false" ? "false" : "true";
          break;
        }
        case "string":
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          def.flag.value = value;
          break;
        case "strings":
          if (!hasValue) throw new Error(`missing a value on flag: ${flagName}`);
          def.flag.values.push(value);
          break;
      }
    }
  }
}
