import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import { useEffect, useLayoutEffect, useRef } from "react";
import type { JSX } from "react";
import { sendInput, terminalResized } from "./session.js";
import { useScreenReaderMode } from "./preferences.js";
import { usePlayground } from "./store.js";
import { terminalFont, terminalTheme } from "./terminal-theme.js";
import { attachTerminal } from "./terminal-output.js";

/**
 * Ctrl-Shift-C copies the selection and Ctrl-Shift-V pastes, as in desktop terminals; plain
 * Ctrl-C stays an interrupt. Returning false leaves the key to the browser: for V that is a
 * paste event, which xterm turns into onData.
 */
function clipboardKeys(term: XTerm, event: KeyboardEvent): boolean {
  if (event.type !== "keydown" || !event.ctrlKey || !event.shiftKey) return true;
  if (event.code === "KeyC") {
    event.preventDefault(); // in Chrome, Ctrl-Shift-C would open the element inspector
    if (term.hasSelection()) void navigator.clipboard?.writeText(term.getSelection());
    return false;
  }
  return event.code !== "KeyV";
}

function createTerminal(): XTerm {
  return new XTerm({
    fontFamily: terminalFont,
    fontSize: 14,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: 5000,
    screenReaderMode: false,
    theme: terminalTheme,
  });
}

function attach(term: XTerm): () => void {
  return attachTerminal({ write: (data) => term.write(data), reset: () => term.reset() });
}

interface Prepared {
  term: XTerm;
  detach: () => void;
  /** What the terminal was given before it opened, for the rare case it must be written again. */
  written: string[] | undefined;
}

let prepared: Prepared | undefined;

/**
 * Called before React's first render (mount.tsx): the terminal exists, and takes the worker's
 * output, before it has an element to open in. The welcome and the first prompt are then parsed
 * while React renders, at xterm.js's default 80x24 (the size `hello` gave the worker), and the
 * component opens the terminal with them in its first frame; the fit that follows reflows them,
 * as any resize does.
 */
export function prepareTerminal(): void {
  if (prepared) return;
  const term = createTerminal();
  const early: Prepared = { term, detach: () => undefined, written: [] };
  early.detach = attachTerminal({
    write: (data) => {
      early.written?.push(data);
      term.write(data);
    },
    reset: () => {
      if (early.written) early.written = [];
      term.reset();
    },
  });
  prepared = early;
}

/**
 * Whether resizing to `cols` lays the screen out as writing it at `cols` would have. xterm.js
 * reflows every line but the cursor's, so that line must fit the new width as it stands (the
 * first prompt does, unless the terminal is narrower than the prompt).
 */
function reflowsExactly(term: XTerm, cols: number): boolean {
  const buffer = term.buffer.active;
  const line = buffer.getLine(buffer.baseY + buffer.cursorY);
  if (!line) return true;
  const next = buffer.getLine(buffer.baseY + buffer.cursorY + 1);
  return !line.isWrapped && !next?.isWrapped && Math.max(buffer.cursorX, line.translateToString(true).length) < cols;
}

/** The learner's terminal. Line editing, echo and history live in the worker's pseudo-terminal. */
export function Terminal(): JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const ready = usePlayground((s) => s.status === "ready");
  const screenReader = useScreenReaderMode();

  // A layout effect: xterm.js opens before the browser first paints the page, not a frame later.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const early = prepared;
    prepared = undefined;
    const term = early?.term ?? createTerminal();
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    termRef.current = term;
    // A terminal narrower than the prompt: start over at the fitted size with what it was given.
    const proposed = fit.proposeDimensions();
    const rewrite = early?.written && proposed && !reflowsExactly(term, proposed.cols) ? early.written.join("") : undefined;
    if (rewrite !== undefined) term.reset();
    if (early) early.written = undefined;

    let alive = true;
    const refit = (): void => {
      if (!alive || !fit.proposeDimensions()) return; // hidden or zero-sized: keep the last size
      fit.fit();
      terminalResized({ cols: term.cols, rows: term.rows });
    };
    refit();
    // Hidden at mount, fit has nothing to measure: start at xterm's default size, refit later.
    terminalResized({ cols: term.cols, rows: term.rows });
    term.focus();
    if (rewrite) term.write(rewrite);

    term.attachCustomKeyEventHandler((event) => clipboardKeys(term, event));
    const input = term.onData(sendInput);
    const detach = early?.detach ?? attach(term);

    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(host);
    // A web font arriving late changes the cell size.
    void document.fonts?.ready.then(refit);

    return () => {
      alive = false;
      cancelAnimationFrame(frame);
      observer.disconnect();
      detach();
      input.dispose();
      termRef.current = null;
      term.dispose();
    };
  }, []);

  useEffect(() => {
    if (ready) termRef.current?.focus();
  }, [ready]);

  // xterm.js then mirrors its rows into an accessibility tree and announces new output.
  useEffect(() => {
    const term = termRef.current;
    if (term) term.options.screenReaderMode = screenReader;
  }, [screenReader]);

  return (
    <div
      ref={hostRef}
      className="terminal-host"
      data-testid="terminal"
      data-ready={ready ? "true" : undefined}
      role="region"
      aria-label="Terminal"
    />
  );
}
