#!/usr/bin/env node
// The factlens command: runs cli/main.ts through tsx, so the CLI shares the TypeScript sources of the
// extension (the same fact base and engine) without a separate build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
