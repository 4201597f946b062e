// Vitest setup: unit tests call the catalog's lookups, and services that use them, directly,
// without the API router that fetches the catalog on first use. Loaded before every test file,
// it gives them the catalog as a daemon has it once loaded; catalog-gate.test.ts starts from a
// fresh module graph to test the way there.
import { loadCatalog } from "../index.js";

await loadCatalog();
