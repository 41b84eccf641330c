// The project's WXT config with source maps on, for the bench's bundle analysis (scripts/bench-bundle.ts):
// `wxt build -c scripts/bench-wxt-sourcemap.config.ts` into a separate FACTLENS_OUT_DIR. Same code, same
// minifier; the maps say which module each byte of content.js came from.
import type { UserConfig } from 'wxt';
import base from '../wxt.config';

const config: UserConfig = {
  ...base,
  vite: (env) => {
    const v = (typeof base.vite === 'function' ? base.vite(env) : {}) as Record<string, unknown>;
    const build = (v.build ?? {}) as Record<string, unknown>;
    return { ...v, build: { ...build, sourcemap: true } };
  },
};
export default config;
