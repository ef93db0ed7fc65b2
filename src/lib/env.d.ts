/** Every environment setting of Koers with its default (see env.js). */
export declare const SETTINGS: Readonly<{
	KOERS_RAW_DIR: string;
	KOERS_GEMEENTEN_DIR: string;
	KOERS_WAREHOUSE_DIR: string;
	KOERS_PUBLISHED_DIR: string;
	KOERS_BUILD_DIR: string;
	KOERS_KIT_DIR: string;
	KOERS_PIPELINE_WORKERS: string;
	KOERS_PIPELINE_MEMORY: string;
	KOERS_MAX_QUARANTINE: string;
}>;

/** The name of one setting. */
export type Setting = keyof typeof SETTINGS;

/** A setting's value: from the environment when it is set there, else its default. */
export declare function setting(name: Setting, env?: Record<string, string | undefined>): string;
