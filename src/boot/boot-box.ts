/**
 * The search box that index.html paints before any script has arrived (`#boot`), so that a
 * visitor can type at first paint. What is typed there is searched for at once
 * (`early-search.ts`); when the App mounts it takes the box over (`takeBootBox`): its text, its
 * focus and its caret, in the same task that removes it, so the visitor sees one box throughout.
 */

/** What the App takes over from the boot box. */
export interface BootBoxState {
  text: string;
  focused: boolean;
  /** Caret or selection, when the box had focus. */
  selection: [start: number, end: number] | null;
}

/** The boot shell's search box, while the page still shows it. */
export function bootInput(doc: Document = document): HTMLInputElement | null {
  return doc.querySelector<HTMLInputElement>('#boot input[type="search"]');
}

/** An IME composition under way in the boot box (seen since `watchBootBox` started). */
let composing: Promise<void> | null = null;

/**
 * Calls `onText` with the box's text on each change, but not while an IME is composing (pinyin
 * letters are not the query yet; compositionend brings the characters). The listeners go with
 * the box.
 */
export function watchBootBox(input: HTMLInputElement, onText: (text: string) => void): void {
  let ended: () => void = () => undefined;
  input.addEventListener('input', (event) => {
    if (!(event instanceof InputEvent && event.isComposing)) onText(input.value);
  });
  input.addEventListener('compositionstart', () => {
    composing ??= new Promise<void>((resolve) => (ended = resolve));
  });
  input.addEventListener('compositionend', () => {
    composing = null;
    ended();
    onText(input.value);
  });
}

/**
 * The boot box's state, once no IME composition is under way (replacing the input mid-composition
 * would lose it), and `finish`, which removes the shell and gives the App's box (found in `root`
 * once mounted) the same focus and caret. Null state when the page has no boot box.
 */
export async function takeBootBox(doc: Document = document): Promise<{ state: BootBoxState | null; finish: (root: ParentNode) => void }> {
  const input = bootInput(doc);
  if (!input) return { state: null, finish: () => undefined };
  while (composing) await composing;
  const focused = doc.activeElement === input;
  const state: BootBoxState = {
    text: input.value,
    focused,
    selection: focused && input.selectionStart !== null && input.selectionEnd !== null ? [input.selectionStart, input.selectionEnd] : null,
  };
  return {
    state,
    finish(root) {
      doc.getElementById('boot')?.remove();
      const box = root.querySelector<HTMLInputElement>('input[type="search"]');
      if (!box || !state.focused) return;
      box.focus();
      if (state.selection) box.setSelectionRange(...state.selection);
    },
  };
}
