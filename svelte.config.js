import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** SvelteKit configuration: a fully prerendered static site with a strict Content-Security-Policy. */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The stylesheet (6 KB) goes inline: one render-blocking request less before the first paint.
		inlineStyleThreshold: 16384,
		// precompress costs ~100 s of brotli per build on 2 cores: left off on purpose.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
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
			// Report PDFs are written into the build after prerendering (npm run build): a link to one
			// is not a broken link. Anything else that is missing fails the build.
			handleHttpError: ({ path, message }) => {
				if (/^\/rapporten\/[^/]+\/[^/]+\.pdf$/.test(path)) return;
				throw new Error(message);
			},
			handleMissingId: 'fail'
		}
	}
};

export default config;
