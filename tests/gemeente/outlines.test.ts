import { describe, expect, test } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { geoArea } from 'd3-geo';
import { neighbors } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { currentDivision, divisionOutlines } from '../../src/lib/gemeente/division';
import { loadGemeente } from '../../src/lib/gemeente/folder';
import { rdToWgs84, readOutlines, simplifyOutlines, type Outline } from '../../src/lib/gemeente/outlines';

/** Metres between two WGS84 points (equirectangular; exact enough over metres). */
function metres(a: [number, number], b: [number, number]): number {
	const lat = (((a[1] + b[1]) / 2) * Math.PI) / 180;
	const dx = ((a[0] - b[0]) * Math.PI * 6_371_000 * Math.cos(lat)) / 180;
	const dy = ((a[1] - b[1]) * Math.PI * 6_371_000) / 180;
	return Math.hypot(dx, dy);
}

/** Which areas touch which, by code, from the arcs they share (topology rebuilt from the GeoJSON). */
function adjacency(collection: FeatureCollection): Record<string, string[]> {
	const topo = topology({ areas: collection }, 1e6) as unknown as Topology;
	const areas = topo.objects['areas'] as GeometryCollection<{ code: string }>;
	const codes = areas.geometries.map((g) => (g.properties as { code: string }).code);
	const lists = neighbors(areas.geometries as Parameters<typeof neighbors>[0]);
	return Object.fromEntries(codes.map((c, i) => [c, lists[i]!.map((j) => codes[j]!).sort()]));
}

const asCollection = (outlines: Outline[]): FeatureCollection => ({
	type: 'FeatureCollection',
	features: outlines.map((o) => ({ type: 'Feature', properties: { code: o.code }, geometry: o.geometry }))
});

const zwolle = loadGemeente({ gemeentenDir: 'data/gemeenten', code: 'GM0193' });

describe('reprojection', () => {
	test('the RD New origin at Amersfoort lands within 1 m of its WGS84 position (RDNAPTRANS)', () => {
		const [lon, lat] = rdToWgs84([155000, 463000]);
		expect(metres([lon, lat], [5.38720621, 52.1551744])).toBeLessThan(1);
	});

	test('a shapefile and a GeoPackage in RD New read back in WGS84, only the gemeente’s areas', async () => {
		const shp = await readOutlines({
			file: { path: 'tests/fixtures/nieuwe-gemeente/gebieden/2024/buurten.shp', format: 'shapefile' },
			level: 'buurt',
			gemeente: 'GM9901'
		});
		const gpkg = await readOutlines({
			file: { path: 'tests/fixtures/outlines/wijkenbuurten_2024.gpkg', format: 'geopackage' },
			level: 'buurt',
			gemeente: 'GM9901'
		});
		expect(shp.map((o) => o.code)).toEqual(gpkg.map((o) => o.code));
		expect(shp).toHaveLength(15);
		expect(shp[0]).toMatchObject({ code: 'BU99011001', name: 'Centrum 1', parent: 'WK990110' });
		// Both files were written from the same WGS84 outlines: the first vertex agrees within a metre.
		const first = (o: Outline) =>
			o.geometry.type === 'Polygon' ? o.geometry.coordinates[0]![0]! : o.geometry.coordinates[0]![0]![0]!;
		expect(metres(first(shp[0]!) as [number, number], first(gpkg[0]!) as [number, number])).toBeLessThan(1);
		const [lon, lat] = first(shp[0]!);
		expect(lon).toBeGreaterThan(6.0);
		expect(lon).toBeLessThan(6.2);
		expect(lat).toBeGreaterThan(52.4);
		expect(lat).toBeLessThan(52.6);
		await expect(
			readOutlines({
				file: { path: 'tests/fixtures/outlines/wijkenbuurten_2024.gpkg', format: 'geopackage' },
				level: 'buurt',
				gemeente: 'GM9902'
			})
		).rejects.toThrow('bevat geen buurten van GM9902');
	});
});

describe('simplification keeps the topology (real Zwolle buurten 2014)', () => {
	test('every pair of neighbouring buurten still shares its edge, with fewer bytes', async () => {
		const division = currentDivision(zwolle)!;
		const original = await readOutlines({
			file: division.outlines.buurt!,
			level: 'buurt',
			gemeente: 'GM0193'
		});
		const simplified = simplifyOutlines({ outlines: original });
		expect(simplified.features).toHaveLength(78);
		expect(adjacency(simplified)).toEqual(adjacency(asCollection(original)));
		const vertices = (c: FeatureCollection) => JSON.stringify(c).split('],[').length;
		// These 2014 outlines are coarse already (about nine points a buurt, most of them junctions).
		expect(vertices(simplified)).toBeLessThan(vertices(asCollection(original)));
		expect(JSON.stringify(simplified).length).toBeLessThan(JSON.stringify(asCollection(original)).length);
		// No gaps or overlaps appear: the buurten still cover the same area, within 1%.
		const area = (c: FeatureCollection) => c.features.reduce((a, f) => a + geoArea(f), 0);
		expect(area(simplified) / area(asCollection(original))).toBeCloseTo(1, 2);
	});

	test('wijken dissolved from the buurten cover the buurten and neighbour as the buurten do', async () => {
		const division = currentDivision(zwolle)!;
		const wijken = (await divisionOutlines({ gemeente: 'GM0193', division, level: 'wijk' }))!;
		const buurten = (await divisionOutlines({ gemeente: 'GM0193', division, level: 'buurt' }))!;
		expect(wijken.features.map((f) => f.properties.code)).toHaveLength(16);
		expect(wijken.features.find((f) => f.properties.code === 'WK019311')?.properties.name).toBe(
			'Wijk 11 Diezerpoort'
		);
		const area = (c: FeatureCollection) => c.features.reduce((a, f) => a + geoArea(f), 0);
		expect(area(wijken) / area(buurten)).toBeCloseTo(1, 3);
		// Two wijken touch exactly when one of their buurten touch.
		const wijkOf = new Map(
			(await readOutlines({ file: division.outlines.buurt!, level: 'buurt', gemeente: 'GM0193' })).map(
				(b) => [b.code, b.parent!]
			)
		);
		const fromBuurten: Record<string, Set<string>> = {};
		for (const [b, ns] of Object.entries(adjacency(buurten)))
			for (const n of ns) {
				const [x, y] = [wijkOf.get(b)!, wijkOf.get(n)!];
				if (x !== y) (fromBuurten[x] ??= new Set()).add(y);
			}
		const expected = Object.fromEntries(
			wijken.features.map((f) => [f.properties.code, [...(fromBuurten[f.properties.code] ?? [])].sort()])
		);
		expect(adjacency(wijken)).toEqual(expected);
	});
});
