// Plain JavaScript (typed by env.d.ts beside it): svelte.config.js reads it too, without a TypeScript loader.

/**
 * Every environment setting of Koers with its default, in one place: the pipeline, the site build,
 * the server and the tests read them through `setting`. Folders are relative to the repository root.
 */
export const SETTINGS = Object.freeze({
	/** the delivery folders, one per gemeente (never in git) */
	KOERS_RAW_DIR: 'data/raw',
	/** the gemeente folders: catalogues, settings, reports, area divisions */
	KOERS_GEMEENTEN_DIR: 'data/gemeenten',
	/** the pipeline's working files */
	KOERS_WAREHOUSE_DIR: 'data/warehouse',
	/** the published release the site is built from and serves */
	KOERS_PUBLISHED_DIR: 'static/data',
	/** where `vite build` writes the site, and what `npm run serve` serves */
	KOERS_BUILD_DIR: 'build',
	/** SvelteKit's generated files: one folder per build when several sites are built from one checkout */
	KOERS_KIT_DIR: '.svelte-kit',
	/** how many connections work side by side in a pipeline run */
	KOERS_PIPELINE_WORKERS: '4',
	/** DuckDB's memory limit in a pipeline run (DuckDB's notation); what does not fit is spilled */
	KOERS_PIPELINE_MEMORY: '1200MB',
	/** the fraction of a file's rows that may be quarantined before the file is refused */
	KOERS_MAX_QUARANTINE: '0.05'
});

/**
 * A setting's value: from the environment when it is set there, else its default.
 * @param {keyof typeof SETTINGS} name
 * @param {Record<string, string | undefined>} [env]
 * @returns {string}
 */
export function setting(name, env = process.env) {
	return env[name] ?? SETTINGS[name];
}
