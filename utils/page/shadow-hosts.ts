// The built-in elements that accept a shadow root (https://dom.spec.whatwg.org/#dom-element-attachshadow);
// any custom element (a name with a hyphen) may have one too. The app's text index and the loader's gate
// both read open shadow roots under these, and only these.
export const SHADOW_HOST_TAGS: readonly string[] = [
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span',
];
