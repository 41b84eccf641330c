// npm run factbase: validates every spec in assets/factbase/ against its article and writes the compiled
// modules to utils/factbase/generated/. Any fault: every error line on stderr, exit code 1, nothing written.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFactBases } from '../utils/factbase/node-build';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = buildFactBases(projectRoot);

if (build.errors.length > 0) {
  for (const line of build.errors) console.error(line);
  console.error(`factbase: ${build.errors.length} error(s); nothing written`);
  process.exit(1);
}

for (const output of build.outputs) {
  const target = join(projectRoot, output.path);
  // Leave unchanged files alone so watchers and builds are not retriggered for nothing.
  if (existsSync(target) && readFileSync(target, 'utf8') === output.content) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, output.content);
  console.log(`factbase: wrote ${output.path}`);
}
for (const pack of build.packs) {
  const { actors } = pack.factBase;
  const facts = actors.reduce((n, a) => n + a.facts.length, 0);
  const aliases = actors.reduce((n, a) => n + a.aliases.length, 0);
  console.log(`factbase: ${pack.factBase.source.id}: ${actors.length} actors, ${aliases} aliases, ${facts} facts`);
}
