/* global importScripts -- a classic worker */
// A classic worker in front of DuckDB-WASM's own (whose URL is this worker's name), loaded with
// importScripts as duckdb-wasm does for workers from another URL
// (https://github.com/duckdb/duckdb-wasm/issues/171). DuckDB-WASM reports download progress by piping
// the .wasm response through a TransformStream into a new Response (the progress handler of
// https://github.com/duckdb/duckdb-wasm/issues/2077); the browser keys its cache of compiled
// WebAssembly to a response's URL, which a synthesized response lacks, so every visit would compile the
// module again. Without TransformStream it compiles with WebAssembly.instantiateStreaming(fetch(url)),
// which the browser caches between visits.
self.TransformStream = undefined;
importScripts(self.name);
