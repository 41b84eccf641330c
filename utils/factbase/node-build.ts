// Node only (file system): reads every spec in assets/factbase/ with its article, validates and compiles them,
// and returns the generated modules' paths and text. Used by scripts/build-factbase.ts, the CLI and the
// up-to-date test; never imported by extension code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledFactBase } from './types';
import { validateSpec } from './validate';
import { emitIndex, emitMatchModules, emitModule } from './emit';

export const SPEC_DIR = 'assets/factbase';
export const GENERATED_DIR = 'utils/factbase/generated';

export interface BuiltPack {
  specFile: string;
  factBase: CompiledFactBase;
  articleText: string;
}

export interface FactBaseBuild {
  packs: BuiltPack[];
  /** `<spec file>: <path>: <message>` lines; empty when every spec is sound. */
  errors: string[];
  /** Project-relative path → content, for the generated modules (only when there are no errors). */
  outputs: { path: string; content: string }[];
}

export function buildFactBases(projectRoot: string): FactBaseBuild {
  const errors: string[] = [];
  const packs: BuiltPack[] = [];
  const specFiles = readdirSync(join(projectRoot, SPEC_DIR))
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (specFiles.length === 0) errors.push(`${SPEC_DIR}: no *.json spec found`);

  for (const name of specFiles) {
    const specFile = `${SPEC_DIR}/${name}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(projectRoot, specFile), 'utf8'));
    } catch (error) {
      errors.push(`${specFile}: (root): not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const file = (raw as { source?: { file?: unknown } } | null)?.source?.file;
    if (typeof file !== 'string' || !existsSync(join(projectRoot, file))) {
      errors.push(`${specFile}: source.file: article ${JSON.stringify(file)} not found`);
      continue;
    }
    const articleText = readFileSync(join(projectRoot, file), 'utf8');
    const result = validateSpec(raw, articleText);
    if (!result.ok) {
      errors.push(...result.errors.map((line) => `${specFile}: ${line}`));
      continue;
    }
    const expectedId = name.slice(0, -'.json'.length);
    if (result.factBase.source.id !== expectedId) {
      errors.push(`${specFile}: source.id: must be "${expectedId}", the spec's file name`);
      continue;
    }
    packs.push({ specFile, factBase: result.factBase, articleText });
  }

  if (errors.length > 0) return { packs, errors, outputs: [] };
  const outputs = packs.map((pack) => ({
    path: `${GENERATED_DIR}/${pack.factBase.source.id}.ts`,
    content: emitModule(pack.factBase),
  }));
  outputs.push({ path: `${GENERATED_DIR}/index.ts`, content: emitIndex(packs.map((p) => p.factBase.source.id)) });
  const { match, stamp } = emitMatchModules(packs.map((p) => p.factBase));
  outputs.push({ path: `${GENERATED_DIR}/match.ts`, content: match }, { path: `${GENERATED_DIR}/stamp.ts`, content: stamp });
  return { packs, errors, outputs };
}
