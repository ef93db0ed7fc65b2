/** The manifest of a published release: which files make up each table, with rows and checksums. */
export interface Manifest {
	version: 1;
	/** content hash of the whole release */
	release: string;
	/** true when built from the synthetic sample: every page then says "Voorbeelddata" */
	sample: boolean;
	/** the date the data was delivered (not the build time, so the same input gives the same release) */
	dataDate: string;
	/**
	 * every gemeente in the release, with the year of the area division its figures are published on,
	 * and for real figures the source to attribute them to (`bron` in bron.json)
	 */
	gemeenten: { code: string; name: string; division: number | null; source?: string }[];
	/** every input file: rows read = rows published + rows quarantined */
	sources: {
		file: string;
		rows: number;
		published: number;
		quarantined: number;
		sha256: string;
		format: string;
	}[];
	tables: Record<string, ManifestTable>;
	disclosure: { secretMax: number; roundingBase: number; minRespondents: number };
	/** CBS open-data tables in the release (table `cbs_cijfers`), with the attribution CBS asks for */
	cbs?: CbsManifest;
}

/** The CBS tables of a release: what each measures, in which unit, and the status of each period. */
export interface CbsManifest {
	attribution: 'Bron: CBS';
	licence: 'CC BY 4.0';
	tables: {
		id: string;
		title: string;
		measures: { id: string; title: string; unit: string }[];
		periods: { period: string; status: 'definitief' | 'voorlopig' | 'nader voorlopig' | 'onbekend' }[];
		/**
		 * a table saved with titles and cut off at CBS's page of 10.000 rows: which categories (of the
		 * dimensions before the region) it holds completely, and the rows not read with the reason
		 */
		coverage?: {
			truncated: boolean;
			rows: number;
			categories: { category: string; complete: boolean }[];
			skipped: { reason: string; rows: number }[];
		};
	}[];
}

/** One published table. */
export interface ManifestTable {
	rows: number;
	columns: { name: string; type: string }[];
	/** hive partition columns: their values are in the file paths (and in `partition`), not in the files */
	partitionBy: string[];
	files: ManifestFile[];
}

/** One Parquet file of a table: one partition. */
export interface ManifestFile {
	path: string;
	rows: number;
	bytes: number;
	sha256: string;
	partition: Record<string, string | number>;
}

/** What every page says about the release it shows: which one, sample or real, when, and its disclosure rule. */
export type ReleaseInfo = Pick<Manifest, 'release' | 'sample' | 'dataDate' | 'disclosure'>;

/** The {@link ReleaseInfo} of a manifest. */
export function releaseInfo(manifest: Manifest): ReleaseInfo {
	const { release, sample, dataDate, disclosure } = manifest;
	return { release, sample, dataDate, disclosure };
}
