// Local ESLint rule: the layers of ARCHITECTURE.md may only import downwards, and only through a
// layer's public entry (index.ts). Modelled on VS Code's code-layering check.
import path from "node:path";

export const layers = {
  bash: [],
  engine: ["bash"],
  protocol: [],
  client: ["engine"],
  cli: ["client"],
  shell: ["cli", "client", "bash"],
  worker: ["shell", "cli", "client", "engine", "protocol", "bash"],
  ui: ["protocol"],
  node: ["engine", "client", "cli", "shell", "bash"],
};

const srcRoot = path.resolve(import.meta.dirname, "..", "src");

/** Every layer below this one, directly or through others: what test support may build on. */
function below(layer, seen = new Set()) {
  for (const next of layers[layer] ?? []) {
    if (!seen.has(next)) {
      seen.add(next);
      below(next, seen);
    }
  }
  return seen;
}

function layerOf(file) {
  const rel = path.relative(srcRoot, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  return first in layers ? { layer: first, inner: rest.join("/") } : undefined;
}

export const layeringRule = {
  meta: {
    type: "problem",
    docs: { description: "imports follow the layer graph of ARCHITECTURE.md" },
    messages: {
      upward:
        "layering: '{{from}}' may not import from '{{to}}' (allowed: {{allowed}}). Move the shared piece down a layer or pass it in.",
      deep: "layering: import '{{to}}' through its public entry '{{to}}/index.ts', not '{{inner}}'.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) return {};
    // Tests and their helpers (a `testing/` folder) may wire up any lower layer, e.g. a CLI
    // test runs against a real engine, and may reach past a layer's entry to build fixtures.
    const isTest = /\.test\.tsx?$/.test(file) || file.split(path.sep).includes("testing");
    function check(node) {
      const spec = node.source?.value;
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const target = layerOf(path.resolve(path.dirname(file), spec));
      if (!target || target.layer === from.layer) return;
      const allowed = isTest ? [...below(from.layer)] : layers[from.layer];
      if (!allowed.includes(target.layer)) {
        context.report({
          node,
          messageId: "upward",
          data: { from: from.layer, to: target.layer, allowed: allowed.join(", ") || "nothing" },
        });
        return;
      }
      const entry = target.inner.replace(/\.(js|ts|tsx)$/, "");
      if (!isTest && entry !== "index" && entry !== "") {
        context.report({ node, messageId: "deep", data: { to: target.layer, inner: target.inner } });
      }
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
