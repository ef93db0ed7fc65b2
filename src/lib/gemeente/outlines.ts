import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import * as shapefile from 'shapefile';
import initSqlJs from 'sql.js';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import wkx from 'wkx';
import { GemeenteError, type AreaLevel, type OutlineFile } from './types';

/** RD New (EPSG:28992), the Dutch national grid CBS publishes its maps in; datum shift as in EPSG:15739. */
const RD_NEW =
	'+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const toWgs84 = proj4(RD_NEW, 'WGS84');

/** An RD New coordinate (metres) in WGS84 longitude/latitude. */
export function rdToWgs84(point: [number, number]): [number, number] {
	return toWgs84.forward(point) as [number, number];
}

/** One area outline with its CBS code and name (and, for a buurt, its wijk when the file says). */
export interface Outline {
	code: string;
	name: string;
	parent: string | null;
	geometry: Polygon | MultiPolygon;
}

/**
 * Property names across CBS's editions: the wijk- en buurtkaart shapefiles to 2020 (BU_CODE, BU_NAAM,
 * WK_CODE, GM_CODE), the GeoPackages from 2021 and PDOK's GeoJSON (buurtcode, buurtnaam, wijkcode,
 * gemeentecode), the gebiedsindelingen (statcode, statnaam) and older exports (STATCODE, WK_2014).
 * Matched by name, case-insensitively, never by position.
 */
const PROPERTIES: Record<
	AreaLevel,
	{ code: string[]; name: string[]; parent: string[]; gemeente: string[] }
> = {
	buurt: {
		code: ['bu_code', 'buurtcode', 'statcode'],
		name: ['bu_naam', 'buurtnaam', 'statnaam'],
		parent: ['wk_code', 'wijkcode', 'wk_2014'],
		gemeente: ['gm_code', 'gemeentecode', 'gm_2014']
	},
	wijk: {
		code: ['wk_code', 'wijkcode', 'statcode'],
		name: ['wk_naam', 'wijknaam', 'statnaam'],
		parent: [],
		gemeente: ['gm_code', 'gemeentecode', 'gm_2014']
	}
};

/** The GeoPackage layer of each level, as CBS names them. */
const GPKG_LAYERS: Record<AreaLevel, string[]> = {
	buurt: ['buurten', 'cbs_buurten'],
	wijk: ['wijken', 'cbs_wijken']
};

const rel = (path: string) => relative(process.cwd(), path) || path;

/**
 * Reads the outlines of one level of a gemeente from a CBS file (GeoJSON, shapefile with its .prj, or
 * GeoPackage), in WGS84. Areas of other gemeenten in the file (CBS distributes one map for the whole
 * country) are left out; a file without any of the gemeente's areas is an error.
 */
export async function readOutlines(options: {
	file: OutlineFile;
	level: AreaLevel;
	gemeente: string;
}): Promise<Outline[]> {
	const { file, level } = options;
	const raw = await readFeatures(file, level);
	const keys = PROPERTIES[level];
	const pick = (props: Record<string, unknown>, names: string[]) => {
		for (const [k, v] of Object.entries(props))
			if (names.includes(k.toLowerCase()) && v !== null && v !== undefined) return String(v).trim();
		return null;
	};
	const first = raw.features[0]?.properties ?? {};
	if (raw.features.length > 0 && pick(first, keys.code) === null)
		throw new GemeenteError(
			`${rel(file.path)}: geen kolom met de ${level}code gevonden (verwacht een van ${keys.code.join(', ')}; gevonden: ${Object.keys(first).join(', ')})`,
			rel(file.path)
		);
	const digits = options.gemeente.slice(2);
	const prefix = level === 'buurt' ? `BU${digits}` : `WK${digits}`;
	const outlines: Outline[] = [];
	for (const f of raw.features) {
		const props = f.properties ?? {};
		const code = pick(props, keys.code)!;
		const gemeente = pick(props, keys.gemeente);
		// CBS nests codes (BU + gemeente + wijk + buurt): the prefix identifies the gemeente when no column does.
		if (gemeente !== null ? gemeente !== options.gemeente : !code.startsWith(prefix)) continue;
		if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
		outlines.push({
			code,
			name: pick(props, keys.name) ?? code,
			parent: pick(props, keys.parent),
			geometry: f.geometry
		});
	}
	if (outlines.length === 0)
		throw new GemeenteError(
			`${rel(file.path)}: het bestand bevat geen ${level === 'buurt' ? 'buurten' : 'wijken'} van ${options.gemeente}; kies de kaart van de juiste gemeente of het juiste jaar`,
			rel(file.path)
		);
	return outlines.sort((a, b) => a.code.localeCompare(b.code));
}

async function readFeatures(file: OutlineFile, level: AreaLevel): Promise<FeatureCollection> {
	switch (file.format) {
		case 'geojson':
			return readGeojson(file.path);
		case 'shapefile':
			return readShapefile(file.path);
		case 'geopackage':
			return readGeopackage(file.path, level);
	}
}

function readGeojson(path: string): FeatureCollection {
	let parsed: FeatureCollection & { crs?: { properties?: { name?: string } } };
	try {
		parsed = JSON.parse(readFileSync(path, 'utf8')) as typeof parsed;
	} catch (error) {
		throw new GemeenteError(`${rel(path)}: geen geldige GeoJSON (${(error as Error).message})`, rel(path));
	}
	if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
		throw new GemeenteError(`${rel(path)}: verwacht een GeoJSON FeatureCollection`, rel(path));
	const crs = parsed.crs?.properties?.name ?? '';
	if (/28992/.test(crs)) return reproject(parsed);
	if (crs && !/4326|CRS84/i.test(crs))
		throw new GemeenteError(
			`${rel(path)}: onverwachte projectie ${crs}; lever de grenzen in RD New (EPSG:28992) of WGS84`,
			rel(path)
		);
	return parsed;
}

async function readShapefile(path: string): Promise<FeatureCollection> {
	const prj = path.replace(/\.shp$/i, '.prj');
	const dbf = path.replace(/\.shp$/i, '.dbf');
	if (!existsSync(prj))
		throw new GemeenteError(
			`${rel(path)}: het bijbehorende ${rel(prj)} ontbreekt; zonder .prj is de projectie onbekend. Lever het .prj-bestand uit de CBS-download mee`,
			rel(prj)
		);
	if (!existsSync(dbf))
		throw new GemeenteError(
			`${rel(path)}: het bijbehorende ${rel(dbf)} (codes en namen) ontbreekt`,
			rel(dbf)
		);
	const wkt = readFileSync(prj, 'utf8');
	const projection = shapefileProjection(wkt);
	if (projection === 'other')
		throw new GemeenteError(
			`${rel(prj)}: onverwachte projectie (${wkt.slice(0, 60)}…); verwacht RD New (EPSG:28992, "Amersfoort / RD New") of WGS84`,
			rel(prj)
		);
	// CBS's shapefiles are encoded in Windows-1252 before 2019 and UTF-8 since; a .cpg says which.
	const cpg = path.replace(/\.shp$/i, '.cpg');
	const encoding = existsSync(cpg) && /utf-?8/i.test(readFileSync(cpg, 'utf8')) ? 'utf-8' : 'windows-1252';
	const collection = (await shapefile.read(path, dbf, { encoding })) as FeatureCollection;
	return projection === 'rd' ? reproject(collection) : collection;
}

/** Which of the two expected projections a .prj's WKT describes. */
function shapefileProjection(wkt: string): 'rd' | 'wgs84' | 'other' {
	if (/Amersfoort|RD_New|Oblique_Stereographic|28992/i.test(wkt)) return 'rd';
	if (/^\s*GEOGCS\[/i.test(wkt) && /WGS.?84/i.test(wkt)) return 'wgs84';
	return 'other';
}

async function readGeopackage(path: string, level: AreaLevel): Promise<FeatureCollection> {
	const SQL = await initSqlJs();
	const db = new SQL.Database(readFileSync(path));
	try {
		const layers = db.exec(
			"SELECT c.table_name, g.column_name, c.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g USING (table_name) WHERE c.data_type = 'features'"
		)[0];
		const layer = layers?.values.find((v) => GPKG_LAYERS[level].includes(String(v[0]).toLowerCase()));
		if (!layer)
			throw new GemeenteError(
				`${rel(path)}: geen laag ${GPKG_LAYERS[level].join(' of ')} (wel: ${layers?.values.map((v) => v[0]).join(', ') ?? 'geen'})`,
				rel(path)
			);
		const [table, column, srs] = layer as [string, string, number];
		if (srs !== 28992 && srs !== 4326)
			throw new GemeenteError(
				`${rel(path)}: laag ${table} heeft projectie EPSG:${srs}; verwacht RD New (EPSG:28992) of WGS84`,
				rel(path)
			);
		const statement = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
		const features: Feature[] = [];
		while (statement.step()) {
			const row = statement.getAsObject();
			const blob = row[column];
			delete row[column];
			if (!(blob instanceof Uint8Array)) continue;
			features.push({ type: 'Feature', properties: row, geometry: gpkgGeometry(blob) });
		}
		statement.free();
		const collection: FeatureCollection = { type: 'FeatureCollection', features };
		return srs === 28992 ? reproject(collection) : collection;
	} finally {
		db.close();
	}
}

/** A GeoPackage geometry blob: the "GP" header with an optional envelope, then standard WKB. */
function gpkgGeometry(blob: Uint8Array): Geometry {
	const flags = blob[3]!;
	const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0b111] ?? 0;
	const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.byteLength - 8 - envelope);
	return wkx.Geometry.parse(wkb).toGeoJSON() as Geometry;
}

function reproject(collection: FeatureCollection): FeatureCollection {
	const ring = (r: Position[]) => r.map((p) => rdToWgs84([p[0]!, p[1]!]));
	return {
		type: 'FeatureCollection',
		features: collection.features.map((f) => {
			const g = f.geometry;
			const geometry: Geometry | null =
				g?.type === 'Polygon'
					? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
					: g?.type === 'MultiPolygon'
						? { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) }
						: g;
			return { ...f, geometry } as Feature;
		})
	};
}

/** Outlines ready for the browser: WGS84 GeoJSON with `code` and `name`, coordinates to about a metre. */
export type OutlineCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>;

/**
 * Simplifies outlines with their topology kept: neighbouring areas share their arcs, so a shared edge
 * is simplified once and stays shared (no gaps, no slivers). `keep` is the share of points kept.
 * Wijken can be dissolved from their buurten (`dissolve`: wijk code → name), so both levels agree.
 */
export function simplifyOutlines(options: {
	outlines: Outline[];
	keep?: number;
	dissolve?: Map<string, string>;
	/** the wijk of each buurt, when the outlines do not say */
	parentOf?: (code: string) => string | null;
}): OutlineCollection {
	const input: FeatureCollection = {
		type: 'FeatureCollection',
		features: options.outlines.map((o) => ({
			type: 'Feature',
			properties: { code: o.code, name: o.name, parent: o.parent ?? options.parentOf?.(o.code) ?? null },
			geometry: o.geometry
		}))
	};
	// Quantised on a 100.000-step grid over the gemeente's extent: well under a metre.
	type Props = { code: string; name: string; parent: string | null };
	const built = presimplify(topology({ areas: input }, 1e5) as unknown as Topology<Objects<object>>);
	const topo = simplify(built, quantile(built, 1 - (options.keep ?? 0.25)));
	const areas = topo.objects['areas'] as GeometryCollection<Props>;
	const round = (p: Position) => [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5];
	const clean = (g: Polygon | MultiPolygon): Polygon | MultiPolygon =>
		g.type === 'Polygon'
			? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(round)) }
			: { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(round))) };
	if (options.dissolve) {
		const features = [...options.dissolve].flatMap(([code, name]) => {
			const parts = areas.geometries.filter((g) => (g.properties as Props | undefined)?.parent === code);
			if (parts.length === 0) return [];
			const geometry = merge(topo, parts as Parameters<typeof merge>[1]);
			return [{ type: 'Feature' as const, properties: { code, name }, geometry: clean(geometry) }];
		});
		return { type: 'FeatureCollection', features };
	}
	const collection = feature(topo, areas) as FeatureCollection<
		Polygon | MultiPolygon,
		{ code: string; name: string }
	>;
	return {
		type: 'FeatureCollection',
		features: collection.features.map((f) => ({
			type: 'Feature',
			properties: { code: f.properties.code, name: f.properties.name },
			geometry: clean(f.geometry)
		}))
	};
}
