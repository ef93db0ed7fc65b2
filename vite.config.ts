import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// The DuckDB-WASM bundle is large by nature; it is loaded lazily, never on first paint.
		chunkSizeWarningLimit: 2000
	},
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['./tests/helpers/global-setup.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 180_000,
		fileParallelism: true,
		env: { TZ: 'Europe/Amsterdam' }
	}
});
