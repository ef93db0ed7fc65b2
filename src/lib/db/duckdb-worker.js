/* global importScripts -- a classic worker */
// A classic worker in front of DuckDB-WASM's own (whose URL is this worker's name). DuckDB-WASM
// reports download progress by piping the .wasm response through a TransformStream into a new
// Response; the browser cannot cache the compiled code of such a synthesized response, so every
// visit compiled 33 MB again. Without TransformStream it compiles with
// WebAssembly.instantiateStreaming(fetch(url)), which the browser caches between visits.
self.TransformStream = undefined;
importScripts(self.name);
