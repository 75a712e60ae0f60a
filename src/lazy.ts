/**
 * A module loaded on first use instead of at start-up. Loading everything up front (iconv-lite's code-page
 * tables, micromatch, the progress bar, the HTML report) took about as long as a small merge itself; most runs
 * need none of them (docs/performance.md). Use as `const iconv = lazy(() => require('iconv-lite') as typeof
 * import('iconv-lite'))`, then `iconv().decode(...)`: the types stay those of the module.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded = false;
  let value: T | undefined;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value as T;
  };
}
