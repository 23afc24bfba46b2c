import { describe, expect, it, vi } from 'vitest';
import { inertLinks } from './links';

function rendered(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** Dispatches a cancelable event on `el`; true when something refused its default action. */
function prevented(el: Element, event: Event) {
  el.dispatchEvent(event);
  return event.defaultPrevented;
}

const click = () => new MouseEvent('click', { bubbles: true, cancelable: true });

describe('inertLinks', () => {
  it('keeps an external link in a talking point from taking the window away', () => {
    const root = rendered('<p>See <a href="https://example.com/slides"><strong>the slides</strong></a></p>');
    inertLinks(root);
    const inner = root.querySelector('strong')!;
    expect(prevented(inner, click()), 'a click on a remote link must not navigate: the app is offline').toBe(true);
    const middle = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    expect(prevented(inner, middle), 'a middle click must not ask for a new window').toBe(true);
    const drag = new Event('dragstart', { bubbles: true, cancelable: true });
    expect(prevented(inner, drag), 'a dragged link dropped on a window would open it').toBe(true);
  });

  it('shows where an inert link points when a person points at it', () => {
    const root = rendered('<a href="mailto:cdo@example.com">mail</a> <a href="node:alpha">Alpha</a>');
    inertLinks(root);
    const [mail, node] = root.querySelectorAll('a');
    mail.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    node.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(mail.title, 'the address is the only thing an inert link can still tell').toBe('mailto:cdo@example.com');
    expect(node.title, 'a node link needs no address shown').toBe('');
  });

  it('still opens node links where the component asks, and only those', () => {
    const onnode = vi.fn();
    const root = rendered('<a href="node:data-curation">Data curation</a> <a href="https://example.com">out</a>');
    const action = inertLinks(root, { onnode });
    const [node, out] = root.querySelectorAll('a');
    expect(prevented(node, click())).toBe(true);
    expect(onnode).toHaveBeenCalledWith('data-curation');
    out.dispatchEvent(click());
    expect(onnode, 'a remote link opens no node').toHaveBeenCalledTimes(1);

    const later = vi.fn();
    action.update!({ onnode: later });
    node.dispatchEvent(click());
    expect(later, 'the newest handler is used after the props change').toHaveBeenCalledWith('data-curation');
  });

  it('leaves clicks outside links and after destroy alone', () => {
    const onnode = vi.fn();
    // An anchor without an address: jsdom would otherwise try to follow it once released.
    const root = rendered('<p>plain <a>x</a></p>');
    const action = inertLinks(root, { onnode });
    expect(prevented(root.querySelector('p')!, click()), 'text and buttons keep working').toBe(false);
    action.destroy!();
    expect(prevented(root.querySelector('a')!, click()), 'a destroyed action leaves no listener behind').toBe(false);
    expect(onnode).not.toHaveBeenCalled();
  });
});
