// Convert YAML files to JSON for ajv: yaml2json.cjs OUTDIR FILE...
// Writes OUTDIR/N.json for the Nth FILE (from 1), typed by the YAML 1.2 core
// schema like gdprctl reads records; prints "PATH: MESSAGE" for a file it
// cannot parse and exits 1 if there was any.
'use strict';
const fs = require('fs');
const YAML = require('yaml');

const [outdir, ...files] = process.argv.slice(2);
let status = 0;
fs.mkdirSync(outdir, { recursive: true });
files.forEach((file, i) => {
	try {
		const text = fs.readFileSync(file, 'utf8');
		const data = YAML.parse(text, {
			version: '1.2',
			schema: 'core',
			merge: false,
			uniqueKeys: true,
		});
		fs.writeFileSync(`${outdir}/${i + 1}.json`, JSON.stringify(data) + '\n');
	} catch (e) {
		console.log(`${file}: ${e.message.split('\n')[0]}`);
		status = 1;
	}
});
process.exit(status);
