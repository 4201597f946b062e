// just-bash as both shells use it: the host shell of the terminal and the shells inside
// containers. Loading the interpreter on demand, and carrying a shell's state (cwd, variables,
// $?) from one line to the next.

export { loadJustBash, type JustBash } from "./just-bash.js";
export { exportedEnv, shellVariables, StateCarrier, type ShellState } from "./shell-state.js";
export { inColumns, streamingOutput, streamScript, LIVE_ERR, LIVE_OUT, TERMINAL_LS, type StreamingOutput } from "./streaming.js";
export { networkCommands, type Dial, type Network, type WireRequest, type WireResponse } from "./net-tools.js";
