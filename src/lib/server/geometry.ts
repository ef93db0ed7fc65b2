import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaGeometry } from '../charts/breakdown';

/** Where each gemeente's area outlines are, per level (CBS codes in a property named below). */
const GEOMETRY: Record<
	string,
	Partial<Record<'wijk' | 'buurt', { file: string; code: string; name: string }>>
> = {
	GM0193: {
		wijk: { file: 'cbs/zwolle_wijken_2014_coarse.geojson', code: 'statcode', name: 'statnaam' },
		buurt: { file: 'zwolle/zwolle_buurten_2014.geojson', code: 'STATCODE', name: 'BU_NAAM' }
	},
	GM0014: { wijk: { file: 'cbs/groningen_wijken_2014_coarse.geojson', code: 'statcode', name: 'statnaam' } }
};

/** The outlines of a gemeente's wijken or buurten with `properties.code`, or null when none are shipped. */
export function loadGeometry(options: {
	referenceDir: string;
	gemeente: string;
	level: 'wijk' | 'buurt';
}): AreaGeometry | null {
	const source = GEOMETRY[options.gemeente]?.[options.level];
	if (!source) return null;
	const path = join(options.referenceDir, source.file);
	if (!existsSync(path)) return null;
	const raw = JSON.parse(readFileSync(path, 'utf8')) as {
		features: { properties: Record<string, unknown>; geometry: unknown }[];
	};
	return {
		type: 'FeatureCollection',
		features: raw.features.map((f) => ({
			type: 'Feature',
			properties: { code: String(f.properties[source.code]), name: String(f.properties[source.name]) },
			geometry: f.geometry
		}))
	};
}
