/** Folder state one button pair shows. */
export type PairState = { saved: boolean; tracked: boolean };

/** What each button does; each answers the new state or throws an Error fit for the user. */
export type PairActions = {
  save: (track: boolean) => Promise<PairState>;
  untrack: () => Promise<PairState>;
  remove: () => Promise<PairState>;
};

export const PAIR_CSS = `
.dw-pair { display: inline-flex; gap: 6px; align-items: center; font: 13px/1.3 system-ui, sans-serif; color: #1f1f1f; margin: 4px 0; }
.dw-pair button { font: inherit; padding: 3px 10px; border: 1px solid #2d5b8a; border-radius: 4px; background: #fff; color: #2d5b8a; cursor: pointer; }
.dw-pair button[aria-pressed="true"] { background: #2d5b8a; color: #fff; }
.dw-pair button:disabled { opacity: 0.6; cursor: progress; }
.dw-pair button:focus-visible { outline: 2px solid #f0b400; outline-offset: 1px; }
.dw-error { color: #b3261e; }
`;

/**
 * Draw Track and Save buttons into `container` (inside our shadow root) and keep them in step
 * with the folder. Saved asks before removing; Tracking stops tracking. Text only, no markup.
 */
export function renderButtonPair(container: HTMLElement, caseNumber: string, initial: PairState, actions: PairActions): void {
  const doc = container.ownerDocument;
  const wrap = doc.createElement('div');
  wrap.className = 'dw-pair';
  const track = doc.createElement('button');
  const save = doc.createElement('button');
  const error = doc.createElement('span');
  track.type = save.type = 'button';
  error.className = 'dw-error';
  error.setAttribute('role', 'alert');
  wrap.append(track, save, error);
  container.replaceChildren(wrap);

  let state = initial;
  const draw = (): void => {
    track.textContent = state.tracked ? 'Tracking' : 'Track';
    track.setAttribute('aria-pressed', String(state.tracked));
    track.title = state.tracked ? 'Docket Watch checks this case for new docket entries. Click to stop.' : 'Save this case and alert me about new docket entries';
    save.textContent = state.saved ? 'Saved' : 'Save';
    save.setAttribute('aria-pressed', String(state.saved));
    save.title = state.saved ? 'In your case folder. Click to remove it.' : 'Save this case to your case folder';
  };
  const act = async (action: () => Promise<PairState>): Promise<void> => {
    track.disabled = save.disabled = true;
    error.textContent = '';
    try {
      state = await action();
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
    } finally {
      track.disabled = save.disabled = false;
      draw();
    }
  };
  track.addEventListener('click', () => void act(() => (state.tracked ? actions.untrack() : actions.save(true))));
  save.addEventListener('click', () => {
    if (!state.saved) return void act(() => actions.save(false));
    if (doc.defaultView?.confirm(`Remove ${caseNumber} from your case folder?`)) void act(() => actions.remove());
  });
  draw();
}
