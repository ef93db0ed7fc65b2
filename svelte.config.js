import { dirname, resolve } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { setting } from './src/lib/env.js';

// The site is built from the release in static/data; KOERS_PUBLISHED_DIR builds it from another
// release (its parent folder is then the static folder), into KOERS_BUILD_DIR, with SvelteKit's own
// files in KOERS_KIT_DIR: several sites can be built from one checkout (tests, bench).
const published = setting('KOERS_PUBLISHED_DIR');
const buildDir = setting('KOERS_BUILD_DIR');

/** SvelteKit configuration: a fully prerendered static site with a strict Content-Security-Policy. */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		outDir: setting('KOERS_KIT_DIR'),
		files: { assets: dirname(resolve(published)) },
		// The stylesheet is small enough to go inline: one render-blocking request less before the first paint.
		inlineStyleThreshold: 16384,
		// SvelteKit's precompress uses brotli's slowest level: left off on purpose; postbuild compresses at
		// levels that keep most of the gain (pipelines/postbuild.ts).
		adapter: adapter({
			pages: buildDir,
			assets: buildDir,
			fallback: undefined,
			precompress: false,
			strict: true
		}),
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB-WASM compiles WebAssembly: 'wasm-unsafe-eval' allows only that, no JS eval.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:'],
				'style-src': ['self'],
				// SvelteKit's route announcer has an inline style attribute
				// (https://github.com/sveltejs/kit/issues/11993, fix pending in kit#14566).
				// Allow exactly that one attribute by its hash, nothing else.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		prerender: {
			// The 404 page is linked from nowhere: nginx and the preview server show it for unknown paths.
			entries: ['*', '/404'],
			// Report PDFs are written into the build after prerendering (npm run build), so the crawler
			// cannot find them yet; postbuild's link check (pipelines/link-check.ts) then proves each
			// linked PDF was written. Anything else that is missing fails the build here.
			handleHttpError: ({ path, message }) => {
				if (/^\/rapporten\/[^/]+\/[^/]+\.pdf$/.test(path)) return;
				throw new Error(message);
			},
			handleMissingId: 'fail',
			// Pages per gemeente exist only for what it delivers: a release without money or reports, or a
			// division without outlines or wijken, or a site without real figures, has no such pages. Any
			// other unseen route fails.
			handleUnseenRoutes: ({ routes, message }) => {
				const optional = /^\/(financien|rapporten|geo|gebied|programma|echte-cijfers)\/\[/;
				if (routes.some((r) => !optional.test(r))) throw new Error(message);
			}
		}
	}
};

export default config;
