// Connects the card to the content script: startContentApp's onIndex / onShowMention hooks. A controller
// lives while Factlens runs on the page; when it stops (off globally or for the site, or the script is
// invalidated) the controller and its host go, leaving the page as it was.
import { browser } from 'wxt/browser';
import type { CompiledFactBase } from '../factbase/types';
import type { ToBackgroundMessage } from '../messages';
import type { MentionIndex, ShowMentionHook } from '../page/types';
import type { Settings } from '../settings/schema';
import { createCardController, type CardController } from './controller';
import { createActorEntries, createActorLookup, type ActorEntries, type ActorLookup } from './lookup';
import { loadCardView } from './ui-loader';

export interface CardBindingOptions {
  /** The fact bases the page is matched against (built-in first, then enabled packs). */
  factBases(): Promise<CompiledFactBase[]> | CompiledFactBase[];
  /** Calls an extension API unless this copy of the script was invalidated (see extension-context.ts). */
  use?: <T>(call: () => T, fallback: T) => T;
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

  const reloadLookup = async () => {
    const mine = ++generation;
    const bases = await options.factBases();
    if (mine !== generation) return;
    lookup = createActorLookup(bases);
    entries = createActorEntries(bases);
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
          loadView: loadCardView,
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
