import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderButtonPair, type PairActions } from '../../../../extension/entrypoints/content/features/button-pair';

let root: ShadowRoot;
let container: HTMLElement;

const button = (name: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function actions(overrides: Partial<PairActions> = {}): PairActions {
  return {
    save: vi.fn(async (track: boolean) => ({ saved: true, tracked: track })),
    untrack: vi.fn(async () => ({ saved: true, tracked: false })),
    remove: vi.fn(async () => ({ saved: false, tracked: false })),
    ...overrides,
  };
}

beforeEach(() => {
  document.body.replaceChildren();
  const host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
  container = document.createElement('div');
  root.append(container);
});

describe('Track and Save buttons', () => {
  it('Save becomes Saved (pressed); Track becomes Tracking (pressed)', async () => {
    const act = actions();
    renderButtonPair(container, '22SL-CC00807', { saved: false, tracked: false }, act);
    expect(button('Save').getAttribute('aria-pressed')).toBe('false');
    button('Save').click();
    await settle();
    expect(act.save).toHaveBeenCalledWith(false);
    expect(button('Saved').getAttribute('aria-pressed')).toBe('true');
    button('Track').click();
    await settle();
    expect(act.save).toHaveBeenCalledWith(true);
    expect(button('Tracking').getAttribute('aria-pressed')).toBe('true');
  });

  it('clicking Tracking stops tracking but keeps the case saved', async () => {
    const act = actions();
    renderButtonPair(container, '22SL-CC00807', { saved: true, tracked: true }, act);
    button('Tracking').click();
    await settle();
    expect(act.untrack).toHaveBeenCalled();
    expect(button('Track').getAttribute('aria-pressed')).toBe('false');
    expect(button('Saved')).toBeTruthy();
  });

  it('clicking Saved asks before removing', async () => {
    const act = actions();
    const confirm = vi.fn().mockReturnValueOnce(false).mockReturnValueOnce(true);
    Object.defineProperty(window, 'confirm', { value: confirm, configurable: true });
    renderButtonPair(container, '22SL-CC00807', { saved: true, tracked: false }, act);
    button('Saved').click();
    expect(confirm).toHaveBeenCalledWith('Remove 22SL-CC00807 from your case folder?');
    expect(act.remove).not.toHaveBeenCalled();
    button('Saved').click();
    await settle();
    expect(act.remove).toHaveBeenCalledOnce();
    expect(button('Save').getAttribute('aria-pressed')).toBe('false');
  });

  it('shows the refusal in the root and keeps the old state', async () => {
    renderButtonPair(container, '22SL-CC00807', { saved: false, tracked: false }, actions({ save: async () => Promise.reject(new Error('could not read the page: Case.net is down for maintenance')) }));
    button('Track').click();
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('could not read the page: Case.net is down for maintenance');
    expect(button('Track').getAttribute('aria-pressed')).toBe('false');
  });
});
