// The background: wiring only (utils/background/).
import '../utils/zod-locale';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background/start';

export default defineBackground(() => startBackground());
