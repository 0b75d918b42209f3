// Reads Redocly's and Spectral's JSON reports, prints every error and the warnings counted by rule;
// exit status 1 when either has an error (or a report is missing).
const fs = require('fs');
const [redoclyFile, spectralFile] = process.argv.slice(2);
const read = (file, tool) => {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); }
  catch (e) { console.log(`${tool}: no report (${e.message})`); return null; }
};
const redocly = read(redoclyFile, 'redocly');
const spectral = read(spectralFile, 'spectral');
if (!redocly || !spectral) process.exit(1);
const count = (list) => list.reduce((m, k) => m.set(k, (m.get(k) || 0) + 1), new Map());
const byRule = (m) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');

const rErrors = redocly.problems.filter((p) => p.severity === 'error');
const rWarnings = redocly.problems.filter((p) => p.severity !== 'error');
for (const p of rErrors) console.log(`  redocly error ${p.ruleId}: ${p.message} at ${(p.location[0] || {}).pointer}`);
console.log(`redocly recommended: ${rErrors.length} errors, ${rWarnings.length} warnings`
  + (rWarnings.length ? ` (${byRule(count(rWarnings.map((p) => p.ruleId)))})` : ''));

const sErrors = spectral.filter((r) => r.severity === 0);
const sWarnings = spectral.filter((r) => r.severity === 1);
for (const r of sErrors) console.log(`  spectral error ${r.code}: ${r.message} at #/${r.path.join('/')}`);
const rateLimit = sWarnings.filter((r) => String(r.code).startsWith('owasp:api4:2023-rate-limit')).length;
console.log(`spectral oas + owasp: ${sErrors.length} errors, ${sWarnings.length} warnings `
  + `(${rateLimit} of them owasp:api4:2023-rate-limit*; ${byRule(count(sWarnings.map((r) => r.code)))})`);
process.exit(rErrors.length + sErrors.length > 0 ? 1 : 0);
