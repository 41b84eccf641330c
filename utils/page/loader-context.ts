// Stands in for WXT's ContentScriptContext in the loader's build (wxt.config.ts aliases it for the content
// script entry only). WXT's wrapper constructs one for every content script; the real one dispatches a
// "content script started" CustomEvent and a window.postMessage that the page sees, listens for the same
// event (any page can send it and stop the script: issue 16), and pulls in the webextension polyfill.
// Factlens uses neither (utils/page/extension-context.ts is its own life), so this one does nothing.
export class ContentScriptContext {
  constructor(
    readonly contentScriptName?: string,
    readonly options?: unknown,
  ) {}
}
