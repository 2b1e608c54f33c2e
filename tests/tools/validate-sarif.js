// Validates a SARIF file the way its consumers do, and fails loudly:
//  1. against the SARIF 2.1.0 JSON schema shipped by @microsoft/jest-sarif, with the ajv
//     and draft-04 meta-schema that package itself validates with;
//  2. with Microsoft's SARIF multitool `validate`, whose exit code is always 0: its own
//     SARIF report is read, and any result of level "error" fails the check.
// usage: node validate-sarif.js FILE.sarif
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const file = process.argv[2];
const log = JSON.parse(fs.readFileSync(file, 'utf8'));
let failed = false;

const sarifDir = path.dirname(require.resolve('@microsoft/jest-sarif/package.json'));
const Ajv = require(require.resolve('ajv', { paths: [sarifDir] }));
const draft4 = require(require.resolve('ajv/lib/refs/json-schema-draft-04.json', { paths: [sarifDir] }));
const schema = require(path.join(sarifDir, 'lib/schemas/sarif-2.1.0-rtm.5.json'));
const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
ajv.addMetaSchema(draft4);
const validate = ajv.compile(schema);
if (!validate(log)) {
  failed = true;
  for (const e of validate.errors) console.log(`schema: ${e.dataPath} ${e.message} ${JSON.stringify(e.params)}`);
}

// npm 11 does not run install scripts, so the multitool's own `chmod u+x` never ran.
const toolDir = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const bin = path.join(toolDir, 'Sarif.Multitool');
fs.chmodSync(bin, 0o755);
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-')), 'report.sarif');
const out = execFileSync(bin, ['validate', file, '--output', report], { encoding: 'utf8' });
const results = JSON.parse(fs.readFileSync(report, 'utf8')).runs[0].results || [];
for (const r of results) {
  const text = r.message.text || `${r.message.id} ${JSON.stringify(r.message.arguments || [])}`;
  console.log(`multitool: ${r.level || 'warning'} ${r.ruleId}: ${text}`);
  if (r.level === 'error') failed = true;
}
if (!out.includes('Analysis completed successfully')) {
  failed = true;
  console.log(out);
}
console.log(failed ? 'INVALID' : `valid: ${log.runs[0].results.length} results`);
process.exit(failed ? 1 : 0);
