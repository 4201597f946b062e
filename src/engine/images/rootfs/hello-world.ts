// hello-world: a single static binary at /hello and nothing else, not even a shell.
import type { Layer } from "../../fs/layer.js";
import { build, program } from "./stub.js";

export const helloWorldRootfs = (created: string): Layer => build({ "/hello": program("hello", "hello-world") }, created);
