// A small page object: how a learner sees the playground, in terms the tests can wait on.
import { expect, type Locator, type Page } from "@playwright/test";

export class PlaygroundPage {
  readonly terminal: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByTestId("terminal");
  }

  async open(): Promise<void> {
    await this.page.goto("./");
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.terminal).toHaveAttribute("data-ready", "true");
    await expect(this.screen()).toContainText("$");
  }

  /** The terminal's visible text, as the DOM renderer lays it out. */
  screen(): Locator {
    return this.terminal.locator(".xterm-rows");
  }

  async screenText(): Promise<string> {
    return (await this.screen().innerText()).replace(/\u00a0/g, " ");
  }

  /** Types a command line as a learner would and presses Enter. */
  async type(command: string): Promise<void> {
    await this.terminal.locator(".xterm-helper-textarea").focus();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press("Enter");
  }

  /** Clears the screen, runs a command and waits until the next prompt appears after it. */
  async run(command: string): Promise<string> {
    await this.type("clear");
    await expect.poll(async () => (await this.screenText()).trim().split("\n").length).toBeLessThanOrEqual(2);
    await this.type(command);
    await expect.poll(async () => this.promptCount()).toBeGreaterThanOrEqual(2);
    return this.screenText();
  }

  private async promptCount(): Promise<number> {
    const text = await this.screenText();
    return text.split("\n").filter((line) => /learner@playground:[^$]*\$/.test(line)).length;
  }

  panel(name: "Containers" | "Images" | "Volumes" | "Networks"): Locator {
    return this.page.getByRole("region", { name });
  }

  containerRow(name: string): Locator {
    return this.panel("Containers").locator(`[data-testid="container-row"][data-name="${name}"]`);
  }

  graphNode(kind: string, name: string): Locator {
    return this.page.locator(`[data-testid="topology"] [data-testid="graph-node"][data-kind="${kind}"][data-name="${name}"]`);
  }
}
