import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { defaultPaths } from '../../pipelines/config';
import { brokenLinksMessage, checkLinks } from '../../pipelines/link-check';
import { runPipeline } from '../../pipelines/run';

const run = promisify(execFile);

/** The environment of `vite build` for a site from another release (see svelte.config.js). */
export function siteBuildEnv(options: { published: string; gemeenten: string; build: string; kit: string }) {
	return {
		...process.env,
		KOERS_PUBLISHED_DIR: options.published,
		KOERS_GEMEENTEN_DIR: resolve(options.gemeenten),
		KOERS_BUILD_DIR: options.build,
		KOERS_KIT_DIR: options.kit
	};
}

/** A site built from its own delivery and gemeente folders, in a temporary folder. */
export interface BuiltSite {
	build: string;
	published: string;
	/** `npm run build`'s output (vite build), for messages */
	log: string;
	remove: () => void;
}

/**
 * Runs the pipeline over `raw` with the gemeente folders in `gemeenten`, then `vite build` on that
 * release, as a gemeente would with `npm run pipeline && npm run build` (without report PDFs), and
 * checks every link of the build; nothing of the sample's own release or build is touched. `remove`
 * deletes every folder it made.
 */
export async function buildSite(options: { raw: string; gemeenten: string }): Promise<BuiltSite> {
	const dir = mkdtempSync(join(tmpdir(), 'koers-site-'));
	// SvelteKit's generated files must live inside the project (module resolution); one folder per build.
	const kit = mkdtempSync(resolve('.svelte-kit-test-'));
	const remove = () => {
		rmSync(dir, { recursive: true, force: true });
		rmSync(kit, { recursive: true, force: true });
	};
	try {
		const staticDir = join(dir, 'static');
		mkdirSync(staticDir);
		copyFileSync('static/favicon.svg', join(staticDir, 'favicon.svg'));
		const published = join(staticDir, 'data');
		await runPipeline({
			paths: {
				...defaultPaths(resolve('.'), {}),
				raw: resolve(options.raw),
				gemeenten: resolve(options.gemeenten),
				warehouse: join(dir, 'warehouse'),
				published
			},
			env: {}
		});
		const build = join(dir, 'build');
		const { stdout, stderr } = await run('npx', ['vite', 'build'], {
			env: siteBuildEnv({ published, gemeenten: options.gemeenten, build, kit }),
			maxBuffer: 64 * 1024 * 1024
		});
		rmSync(kit, { recursive: true, force: true });
		// As npm run build's postbuild: a link to a file the build did not write fails every test build.
		const { broken } = checkLinks({ buildDir: build });
		if (broken.length > 0) throw new Error(brokenLinksMessage({ buildDir: build, broken }));
		return { build, published, log: stdout + stderr, remove };
	} catch (error) {
		remove();
		throw error;
	}
}
