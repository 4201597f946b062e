import { describe, expect, it } from "vitest";
import { bindParameters, parameterCount } from "./pg-bind.js";

describe("binding parameters", () => {
  it("replaces placeholders with quoted literals, NULL for null", () => {
    expect(bindParameters("insert into t values ($1, $2, $3)", ["o'brien", "42", null])).toBe("insert into t values ('o''brien', '42', NULL)");
  });

  it("leaves placeholders inside strings, identifiers and comments alone", () => {
    expect(bindParameters(`select '$1', "$1", $1 -- $1\n`, ["x"])).toBe(`select '$1', "$1", 'x' -- $1\n`);
    expect(parameterCount("select $2, $10, '$11'")).toBe(10);
  });

  it("puts numbers in bare where a literal cannot be quoted or the client typed them", () => {
    expect(bindParameters("select * from t limit $1 offset $2", ["5", "10"])).toBe("select * from t limit 5 offset 10");
    expect(bindParameters("select $1", ["007"], [23])).toBe("select 007");
    expect(bindParameters("select $1", ["1; drop table t"], [23])).toBe("select '1; drop table t'");
  });
});
