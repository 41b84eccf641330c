// The content app for frames other than the top one: the same module as entrypoints/content-app.ts, built
// without V8's compile hint (wxt.config.ts). A page whose frames each load the app would compile all of it
// once per frame, and on the bench's page with four such frames that delayed the top frame's first marks.
export { default } from './content-app';
