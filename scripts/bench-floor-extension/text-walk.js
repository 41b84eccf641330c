// The bench's floor loop, in one place: a TreeWalker with no filter visits every text node below `root` and
// reads every character once. Loaded before the floor extension's content.js (manifest.json) and, in the main
// world, before bench-inpage.js (scripts/bench-browser.ts adds both as init scripts). Plain JavaScript: it is
// loaded as is, never bundled.
globalThis.__factlensTextWalk = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let checksum = 0;
  let chars = 0;
  let nodes = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = n.data;
    for (let i = 0; i < s.length; i++) checksum = (checksum + s.charCodeAt(i)) | 0;
    chars += s.length;
    nodes++;
  }
  return { chars, nodes, checksum };
};
