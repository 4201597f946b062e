// The list Up and Down walk through, kept the way bash's HISTCONTROL=ignoredups keeps it:
// no blank lines, no line twice in a row, the oldest dropped past the limit.

export const historyLimit = 1000;

export class History {
  private items: string[];

  constructor(
    entries: readonly string[] = [],
    private readonly limit = historyLimit,
  ) {
    this.items = [];
    for (const entry of entries) this.add(entry);
  }

  get entries(): readonly string[] {
    return this.items;
  }

  get length(): number {
    return this.items.length;
  }

  at(index: number): string | undefined {
    return this.items[index];
  }

  /** Remembers a submitted line; false when it was blank or repeated the last one. */
  add(line: string): boolean {
    if (line.trim() === "" || this.items[this.items.length - 1] === line) return false;
    this.items.push(line);
    if (this.items.length > this.limit) this.items.splice(0, this.items.length - this.limit);
    return true;
  }

  clear(): void {
    this.items = [];
  }
}
