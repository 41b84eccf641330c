// The popup's "make a fact pack" control: its state, for the hook that runs it and the button that shows it.
export type MakePackState = { kind: 'idle' } | { kind: 'working' } | { kind: 'opened' } | { kind: 'refused'; message: string };

export interface MakePackControl {
  state: MakePackState;
  make(): void;
}
