// The entry file of a `factlens scan` worker thread: plain JavaScript that registers tsx in this thread
// (loader hooks are per thread), then loads the TypeScript worker, so workers run the same sources as the CLI.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./scan-worker.ts');
export default worker.default;
