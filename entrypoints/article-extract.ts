// The article extraction bundle (Readability, no NLP), loaded by the content script only when the reader asks
// for a fact pack (utils/article/extract-listener.ts). Built as an ES module (wxt.config.ts), like card-ui.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../utils/drafter/extract';
import type { ArticleExtractModule } from '../utils/article/extract-loader';

export default defineUnlistedScript((): ArticleExtractModule => ({ extractArticle }));
