import { createShadowRootUi, type ContentScriptAppendMode, type ContentScriptContext } from '#imports';
import { PAIR_CSS } from './button-pair';

/** Mount an open shadow root (tests and assistive tech can reach it) next to `anchor`. */
export async function mountShadow(ctx: ContentScriptContext, anchor: Element, append: ContentScriptAppendMode, draw: (container: HTMLElement) => void): Promise<() => void> {
  const ui = await createShadowRootUi(ctx, {
    name: 'docket-watch-ui',
    mode: 'open',
    position: 'inline',
    anchor,
    append,
    css: PAIR_CSS,
    isolateEvents: true,
    onMount: (container) => draw(container),
  });
  ui.mount();
  return () => ui.remove();
}
