// The executor's variable stack ($, $x, range variables). Go pushes declarations as it meets
// them and truncates back to a mark when an if, with or range ends, which is what scopes them.

export class VariableStack {
  private readonly vars: { name: string; value: unknown }[] = [];

  constructor(
    root: unknown,
    private readonly undefinedVariable: (name: string) => never,
  ) {
    this.vars.push({ name: "$", value: root });
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  get(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]?.name === name) return this.vars[i]?.value;
    return this.undefinedVariable(name);
  }

  /** `$x = value`: overwrites the innermost variable of that name. */
  set(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) {
        v.value = value;
        return;
      }
    }
    this.undefinedVariable(name);
  }

  /** Overwrites the n-th variable from the top: how range rebinds its variables each pass. */
  setTop(n: number, value: unknown): void {
    const v = this.vars[this.vars.length - n];
    if (v !== undefined) v.value = value;
  }
}
