import type { ITheme } from "@xterm/xterm";

export const terminalFont =
  '"JetBrains Mono", "Cascadia Mono", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';

/** Matches styles.css's --bg-terminal; ANSI colours tuned for contrast on it. */
export const terminalTheme: ITheme = {
  background: "#0d1117",
  foreground: "#d6deeb",
  cursor: "#7cc4ff",
  cursorAccent: "#0d1117",
  selectionBackground: "#2f4a6b",
  black: "#1b2230",
  red: "#ff7b72",
  green: "#7ee787",
  yellow: "#e3b341",
  blue: "#79c0ff",
  magenta: "#d2a8ff",
  cyan: "#56d4dd",
  white: "#c9d1d9",
  brightBlack: "#6e7681",
  brightRed: "#ffa198",
  brightGreen: "#aff5b4",
  brightYellow: "#f8e3a1",
  brightBlue: "#a5d6ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#b3f0ff",
  brightWhite: "#f0f6fc",
};
