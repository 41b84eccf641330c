// Empty: only so the bench's launcher, which waits for an extension's service worker, sees this one load.
