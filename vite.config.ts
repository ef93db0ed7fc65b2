import { resolve } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { tsImport } from 'tsx/esm/api';
import { setting } from './src/lib/env.js';

/**
 * Refuses a build whose gemeente folders it could not render (a report naming a catalogue that is not
 * there), before prerendering starts: the user gets the Dutch message with file and line, not the
 * stack trace of a prerender worker.
 */
function checkGemeenteFolders(): Plugin {
	return {
		name: 'koers-gemeente-folders',
		apply: 'build',
		async buildStart() {
			// Loaded through tsx, not bundled into the config: the check is the app's own TypeScript.
			const { publishedManifest, siteFolderErrors } = (await tsImport(
				'./src/lib/gemeente/site-check.ts',
				import.meta.url
			)) as typeof import('./src/lib/gemeente/site-check');
			const manifest = publishedManifest(resolve(setting('KOERS_PUBLISHED_DIR')));
			if (!manifest) return;
			const errors = siteFolderErrors({
				manifest,
				gemeentenDir: resolve(setting('KOERS_GEMEENTEN_DIR'))
			});
			if (errors.length === 0) return;
			console.error(
				`De site is niet gebouwd: de gemeentemap klopt niet.\n${errors.map((e) => `  ${e}`).join('\n')}\nControleer de map met: npm run gemeente -- controleer <code>`
			);
			process.exit(1);
		}
	};
}

export default defineConfig({
	plugins: [checkGemeenteFolders(), sveltekit()],
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
