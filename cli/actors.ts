// factlens actors: prints the compiled fact base (what the extension ships) as JSON on stdout.
//   --pack      one pack in the importable format, with the article text in source.text (re-checkable)
//   --id ID     the pack with this id (default: the first built-in pack, the article's own)
//   --all       every built-in pack, as a JSON array
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FACT_BASES } from '../utils/factbase/generated/index';
import type { CompiledFactBase } from '../utils/factbase/types';

const USAGE = 'usage: factlens actors [--pack] [--id PACK_ID | --all]';
const projectRoot = join(import.meta.dirname, '..');

export async function actorsCommand(args: string[]): Promise<number> {
  let asPack = false;
  let all = false;
  let packId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--pack') asPack = true;
    else if (arg === '--all') all = true;
    else if (arg === '--id' && args[i + 1] !== undefined) packId = args[++i];
    else if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      return 0;
    } else {
      console.error(`factlens actors: unexpected argument "${arg}"\n${USAGE}`);
      return 2;
    }
  }

  const selected = packId === undefined ? FACT_BASES : FACT_BASES.filter((fb) => fb.source.id === packId);
  if (all && !asPack) {
    process.stdout.write(`${JSON.stringify(FACT_BASES, null, 2)}\n`);
    return 0;
  }
  if (selected.length === 0) {
    const known = FACT_BASES.map((fb) => fb.source.id).join(', ');
    console.error(`factlens actors: no pack "${packId}" (built in: ${known})`);
    return 1;
  }

  const [factBase] = selected as [CompiledFactBase, ...CompiledFactBase[]];
  const output = asPack
    ? { ...factBase, source: { ...factBase.source, text: readFileSync(join(projectRoot, factBase.source.file), 'utf8') } }
    : factBase;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}
