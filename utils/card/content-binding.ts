// Connects the card to the content script: startContentApp's onIndex / onShowMention hooks. A controller
// lives while Factlens runs on the page; when it stops (off globally or for the site, or the script is
// invalidated) the controller and its host go, leaving the page as it was.
import { browser } from 'wxt/browser';
import type { CompiledFactBase } from '../factbase/types';
import type { ToBackgroundMessage } from '../messages';
import { PACKS_KEY } from '../storage-keys';
import type { MentionIndex, ShowMentionHook } from '../page/types';
import type { Settings } from '../settings/schema';
import { createCardController, type CardController } from './controller';
import { fullFactBases } from './facts';
import { createActorEntries, createActorLookup, type ActorEntries, type ActorLookup } from './lookup';
import { loadCardModule } from './ui-loader';
import type { CardUiModule, CreateCardView } from './view-types';

export interface CardBindingOptions {
  /** The fact bases the page is matched against (built-in first, then enabled packs). */
  factBases(): Promise<CompiledFactBase[]> | CompiledFactBase[];
  /** Calls an extension API unless this copy of the script was invalidated (see extension-context.ts). */
  use?: <T>(call: () => T, fallback: T) => T;
  /** The card UI module (default: card-ui.js, ui-loader.ts). */
  loadModule?: () => Promise<CardUiModule>;
  /** The stored "packs" value, where the packs' facts are (default: one storage.local read). */
  readStoredPacks?: () => Promise<unknown>;
}

export interface CardBinding {
  onIndex(index: MentionIndex | null, settings: Settings): void;
  onShowMention: ShowMentionHook;
  destroy(): void;
}

export function createCardBinding(options: CardBindingOptions): CardBinding {
  let controller: CardController | null = null;
  let boundIndex: MentionIndex | null = null;
  let lookup: ActorLookup = () => undefined;
  let entries: ActorEntries = () => [];
  let generation = 0;

  const openFactbase = (actorId: string) => {
    const message: ToBackgroundMessage = { type: 'open-factbase-page', actorId };
    const use = options.use ?? ((call) => call());
    use(
      () =>
        browser.runtime.sendMessage(message).catch(() => {
          /* background unreachable (extension reloading): nothing to open */
        }),
      undefined,
    );
  };

  const drop = () => {
    controller?.destroy();
    controller = null;
    boundIndex = null;
  };

  // The bases come lean (no facts); the full ones are put in once the card's module has been loaded.
  let full = false;
  const setBases = (bases: readonly CompiledFactBase[]) => {
    lookup = createActorLookup(bases);
    entries = createActorEntries(bases);
  };
  const readStoredPacks =
    options.readStoredPacks ?? (() => browser.storage.local.get(PACKS_KEY).then((raw) => raw[PACKS_KEY], () => undefined));
  const withFacts = async (bases: readonly CompiledFactBase[], builtIn: readonly CompiledFactBase[]) =>
    fullFactBases(bases, builtIn, await readStoredPacks());

  let module: CardUiModule | null = null;
  const reloadLookup = async () => {
    const mine = ++generation;
    const bases = await options.factBases();
    const ready = module && full ? await withFacts(bases, module.factBases) : bases;
    if (mine !== generation) return;
    setBases(ready);
  };

  /** The card's view, and with it the facts: the first card opens only when both are there. */
  const loadView = async (): Promise<CreateCardView> => {
    module = await (options.loadModule ?? loadCardModule)();
    if (!full) {
      full = true;
      await reloadLookup();
    }
    return module.createCardView;
  };

  return {
    onIndex(index, settings) {
      if (!index) return drop();
      if (index !== boundIndex) {
        drop();
        boundIndex = index;
        void reloadLookup();
        controller = createCardController({
          index,
          lookup: (id) => lookup(id),
          entries: (id) => entries(id),
          settings,
          openFactbase,
          loadView,
        });
        return;
      }
      controller?.updateSettings(settings);
    },
    onShowMention(mention, { fromKeyboard }) {
      controller?.show(mention, { fromKeyboard });
    },
    destroy: drop,
  };
}
