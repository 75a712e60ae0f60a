/** The part of micromatch 4 (fast-glob's own matcher, a dependency of fast-glob) that src/rules uses. */
declare module 'micromatch' {
  interface Options {
    dot?: boolean;
    nocase?: boolean;
    strictBrackets?: boolean;
  }
  function makeRe(pattern: string, options?: Options): RegExp;
  function matcher(pattern: string, options?: Options): (str: string) => boolean;
  const micromatch: { makeRe: typeof makeRe; matcher: typeof matcher };
  export = micromatch;
}
