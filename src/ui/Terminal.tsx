import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import { useEffect, useRef } from "react";
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

/** The learner's terminal. Line editing, echo and history live in the worker's pseudo-terminal. */
export function Terminal(): JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const ready = usePlayground((s) => s.status === "ready");
  const screenReader = useScreenReaderMode();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const term = new XTerm({
      fontFamily: terminalFont,
      fontSize: 14,
      lineHeight: 1.15,
      cursorBlink: true,
      scrollback: 5000,
      screenReaderMode: false,
      theme: terminalTheme,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    termRef.current = term;

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

    term.attachCustomKeyEventHandler((event) => clipboardKeys(term, event));
    const input = term.onData(sendInput);
    const detach = attachTerminal({ write: (data) => term.write(data), reset: () => term.reset() });

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
