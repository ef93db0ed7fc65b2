import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paths } from '../../pipelines/config';
import { scaffoldGemeente } from '../../pipelines/gemeente';
import { loadZwolleBuurten, readSimpleCsv, synthesizeBuurten } from '../../pipelines/synth/areas';
import { writeGemeente } from '../../pipelines/synth/index';

const fixture = 'tests/fixtures/nieuwe-gemeente';

/**
 * The steps of docs/nieuwe-gemeente.md as a data person takes them, for GM9901 "Nieuwdorp": scaffold,
 * the CBS division with RD New outlines, its own catalogue for programme 3, no money, synthetic exports.
 * With `adaptReport` the scaffold's report is made the programme 3 report; without, it stays as the
 * scaffold left it (about programme 1, which the catalogue does not have). Returns the scaffold's lines.
 */
export async function followTheGuide(options: {
	paths: Paths;
	code: string;
	adaptReport: boolean;
}): Promise<string[]> {
	const { paths, code } = options;
	// Step 1: start the gemeente.
	const scaffolded = await scaffoldGemeente({ paths, code, name: 'Nieuwdorp', year: 2024 });
	const dir = join(paths.gemeenten, code);
	// Step 2: the CBS division with outlines (a shapefile in RD New, as CBS distributes it).
	cpSync(join(fixture, 'gebieden'), join(dir, 'gebieden'), { recursive: true });
	// Step 3: the begroting's streefdoelen replace the template.
	cpSync(join(fixture, 'begroting-2024.yaml'), join(dir, 'begroting-2024.yaml'));
	// Step 4: no money; the report skeleton adapted to the catalogue's programme and doel, or left alone.
	rmSync(join(dir, 'financien.yaml'));
	if (options.adaptReport) {
		const report = join(dir, 'rapporten', 'programma-1.md');
		writeFileSync(
			join(dir, 'rapporten', 'programma-3.md'),
			readFileSync(report, 'utf8')
				.replaceAll('Programma 1 Sociaal domein', 'Programma 3 Zorg en welzijn')
				.replace("programma: '1'", "programma: '3'")
				.replaceAll('Voorbeelddoel', 'Meedoen')
		);
		rmSync(report);
	}
	// Step 5: the exports (synthetic, labelled as sample data) for the gemeente's own buurten
	// (synth-buurten.csv only feeds the generator; the division itself comes from the shapefile).
	await writeGemeente({
		paths,
		gemeente: code,
		name: 'Nieuwdorp',
		buurten: synthesizeBuurten({
			areas: readSimpleCsv(join(fixture, 'synth-buurten.csv')),
			seed: 9901,
			zwolle: loadZwolleBuurten(paths.reference),
			profile: { adults: 1500, share65: 0.2, shareUnder18: 0.2, participatie: 5.1, isolement: 2.1 }
		}),
		seed: 99010,
		scale: 1,
		size: { adults: 0.2, youth: 0.2 },
		finance: false
	});
	return scaffolded;
}
