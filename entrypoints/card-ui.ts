// The card UI bundle, loaded by the content script on the first card open (utils/card/ui-loader.ts).
// Built as an ES module (wxt.config.ts) whose default export is what main() returns.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createCardView } from '../utils/card/view';
import type { CardUiModule } from '../utils/card/view-types';
import { FACT_BASES } from '../utils/factbase/generated';

export default defineUnlistedScript((): CardUiModule => ({ createCardView, factBases: FACT_BASES }));
