// Prisma's schema engine compiled to WebAssembly, loaded by hand (Node 20 cannot `import` a .wasm
// file). Used offline, where the native engine cannot be downloaded (see shared/STACK.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

let wasmModule;

async function loadWasm() {
  if (wasmModule) return wasmModule;
  // Without this global, an engine panic surfaces as a TypeError that hides the real message.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      this.message = message;
    },
  };
  const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href);
  const bytes = readFileSync(path.join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  wasmModule = bindings;
  return bindings;
}

/** An engine bound to a driver adapter (which may be a placeholder when no database is touched). */
export async function createSchemaEngine(adapter) {
  const { SchemaEngine } = await loadWasm();
  const logs = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, (log) => logs.push(log), adapter);
  return { engine, logs };
}

/** The SQL that takes a database from `from` to `to` (DiffTarget objects of the engine). */
export async function diffScript(engine, from, to) {
  const result = await engine.diff({ from, to, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
  return result.stdout ?? '';
}

export function datamodelTarget(schemaPath) {
  return { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: readFileSync(schemaPath, 'utf8') }] };
}
