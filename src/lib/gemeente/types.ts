import type { Catalog } from '../catalog/schema';
import type { ReportSource } from '../reports/parse';
import type { AccessibilityFields } from './accessibility';

/** A CBS gemeente code: GM and four digits. */
export const GEMEENTE_CODE = /^GM\d{4}$/;

/** Whether a text is a CBS gemeente code (GM and four digits). */
export function isGemeenteCode(text: string): boolean {
	return GEMEENTE_CODE.test(text);
}

/** A gemeente's folder, or one of its files, could not be read or does not agree with the rest. */
export class GemeenteError extends Error {
	override name = 'GemeenteError';
	constructor(
		message: string,
		/** the file (relative to the working directory) the message is about */
		readonly file: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

/** A level of the area division that can have outlines. */
export type AreaLevel = 'wijk' | 'buurt';

/** Every area level below the gemeente, coarse to fine. */
export const AREA_LEVELS: readonly AreaLevel[] = ['wijk', 'buurt'];

/** An outline file of one level, as the gemeente delivers it. */
export interface OutlineFile {
	/** path of the file (for a shapefile: the .shp) */
	path: string;
	format: 'geojson' | 'shapefile' | 'geopackage';
}

/** The area division of one year: CBS codes of wijken and buurten, and outlines where delivered. */
export interface Division {
	year: number;
	/** the folder `gebieden/<jaar>/` */
	dir: string;
	/** `wijken.csv` and `buurten.csv` (CBS columns), when delivered as tables (wijken alone: their names) */
	tables: { wijken: string | null; buurten: string | null };
	outlines: Partial<Record<AreaLevel, OutlineFile>>;
}

/**
 * One gemeente, as every layer uses it: its code and name, and what it brings beside its exports
 * (catalogues of streefdoelen, the controller's settings, reports, area divisions per year).
 */
export interface Gemeente {
	code: string;
	name: string;
	/** `data/gemeenten/<code>/`, or null for a gemeente that brings only exports */
	dir: string | null;
	/** catalogues, latest begroting first, then by programme number */
	catalogs: Catalog[];
	/** `financien.yaml`, when present */
	settingsFile: string | null;
	/** reports in `rapporten/`, parsed (references are resolved against the release later) */
	reports: ReportSource[];
	/** area divisions, by year ascending */
	divisions: Division[];
	/** `toegankelijkheid` of gemeente.yaml, when given (null or absent: the verklaring says it is missing) */
	accessibility?: AccessibilityFields | null;
}
