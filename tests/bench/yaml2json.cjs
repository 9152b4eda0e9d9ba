// Benchmark helper: convert a records repository to JSON for ajv-cli.
// Usage: node yaml2json.cjs REPO OUTDIR
// Writes OUTDIR/KIND/ID.json for every REPO/KIND/*.yaml and
// OUTDIR/gdprctl.json, typed by the YAML 1.2 core schema as gdprctl reads
// records. A file that does not parse is left out and counted.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const kinds = ['register', 'dpa', 'incident', 'dpia', 'ros', 'request', 'plan'];
const [repo, outdir] = process.argv.slice(2);
const opts = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true };
let files = 0;
let bad = 0;

function convert(src, dst) {
	try {
		const data = YAML.parse(fs.readFileSync(src, 'utf8'), opts);
		fs.writeFileSync(dst, JSON.stringify(data));
		files++;
	} catch (e) {
		bad++;
	}
}

fs.mkdirSync(outdir, { recursive: true });
convert(path.join(repo, 'gdprctl.yaml'), path.join(outdir, 'gdprctl.json'));
for (const kind of kinds) {
	const dir = path.join(repo, kind);
	fs.mkdirSync(path.join(outdir, kind), { recursive: true });
	if (!fs.existsSync(dir))
		continue;
	for (const name of fs.readdirSync(dir).sort()) {
		if (!name.endsWith('.yaml'))
			continue;
		convert(path.join(dir, name),
			path.join(outdir, kind, name.replace(/\.yaml$/, '.json')));
	}
}
console.log(`${files} files converted, ${bad} not parsed`);
