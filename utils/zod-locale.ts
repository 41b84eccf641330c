// zod/mini comes without error messages (they would weigh on the content script, which never shows them).
// The parts that show or log validation errors to people import this module once, first.
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
