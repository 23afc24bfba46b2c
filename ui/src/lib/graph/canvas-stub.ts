// Just enough of a 2D canvas for Cytoscape to mount in jsdom, which has none. For tests only:
// drawing calls do nothing, text measures a fixed width, and images export as a stub PNG.

function fakeContext(canvas: HTMLCanvasElement) {
  const state: Record<string | symbol, unknown> = { canvas };
  const noop = () => new Proxy({}, { get: () => () => {} });
  return new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText')
        return (text: string) => ({
          width: 6 * String(text).length,
          actualBoundingBoxAscent: 8,
          actualBoundingBoxDescent: 2,
        });
      if (key === 'getImageData') return () => ({ data: new Uint8ClampedArray(4) });
      if (key === 'isPointInPath' || key === 'isPointInStroke') return () => false;
      return noop;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
}

/** Installs the stub canvas and gives elements a size, so Cytoscape lays out as in a browser. */
export function installCanvasStub(width = 800, height = 600) {
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return fakeContext(this) as never;
  } as typeof HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,iVBORw0KGgo=';
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  // Cytoscape reads the container's padding; jsdom reports none unless a rule sets it.
  if (!document.getElementById('canvas-stub-style')) {
    const style = document.createElement('style');
    style.id = 'canvas-stub-style';
    style.textContent = 'div { padding: 0; }';
    document.head.append(style);
  }
}
