// NutUI starts lottie on import, and lottie draws on a 2D canvas jsdom does not have.
// A context that accepts any property and any call is enough.
const canvasContextStub = new Proxy(
  {},
  {
    get: (target: Record<string | symbol, unknown>, key) => (key in target ? target[key] : () => undefined),
    set: (target: Record<string | symbol, unknown>, key, value) => {
      target[key] = value;
      return true;
    },
  },
);
HTMLCanvasElement.prototype.getContext = (() => canvasContextStub) as unknown as typeof HTMLCanvasElement.prototype.getContext;

// Components render as they do in the H5 build.
process.env.TARO_ENV = 'h5';

// NutUI's lottie import warns that mini-programs cannot create canvases; irrelevant under jsdom.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Lottie')) {
    return;
  }
  warn(...args);
};
