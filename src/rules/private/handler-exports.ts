/**
 * What a JavaScript module exports, read from its text (a bundle or a handler file): the names, or
 * undefined when the text does not say for sure (`export *`, `module.exports = someValue`, no export
 * form found). Rules report a missing export only when the names are known.
 */
export function jsExports(text: string): Set<string> | undefined {
  const names = new Set<string>();
  if (/^\s*export\s*\*/m.test(text)) return undefined;
  // ES modules (also esbuild's `export{a as handler,b as client}`).
  for (const m of text.matchAll(/\bexport\s+(?:async\s+)?(?:function\s*\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bexport\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name.replace(/^["']|["']$/g, ''));
    }
  }
  if (/\bexport\s+default\b/.test(text)) names.add('default');
  // CommonJS.
  for (const m of text.matchAll(/\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bObject\.defineProperty\(\s*(?:module\.)?exports\s*,\s*["']([\w$]+)["']/g)) names.add(m[1]);
  for (const m of text.matchAll(/\bmodule\.exports\s*=\s*/g)) {
    const rest = text.slice(m.index! + m[0].length);
    if (rest.startsWith('{')) {
      const body = /^\{([^}]*)\}/.exec(rest)?.[1];
      if (body === undefined) return undefined;
      for (const part of body.split(',')) {
        const key = /^\s*(?:async\s+)?["']?([A-Za-z_$][\w$]*)["']?\s*(?:[:(]|$)/.exec(part)?.[1];
        if (key) names.add(key);
      }
      continue;
    }
    // esbuild's CommonJS output: `__export(x_exports, { handler: () => handler })` … `module.exports = __toCommonJS(x_exports)`.
    const wrapped = /^[\w$]+\(\s*([\w$]+)\s*\)/.exec(rest);
    const table = wrapped ? new RegExp(`[\\w$]+\\(\\s*${wrapped[1].replace(/\$/g, '\\$')}\\s*,\\s*\\{([^}]*)\\}\\s*\\)`).exec(text) : null;
    if (!table) return undefined;
    for (const m2 of table[1].matchAll(/["']?([A-Za-z_$][\w$]*)["']?\s*:\s*\(\)\s*=>/g)) names.add(m2[1]);
  }
  return names.size > 0 ? names : undefined;
}

/** Whether a Python module's text defines or imports `name` at the top level (def, async def, assignment, import, class). */
export function pythonDefines(text: string, name: string): boolean {
  const n = name.replace(/[$]/g, '\\$');
  return new RegExp(`^(?:(?:async\\s+)?def\\s+${n}\\s*\\(|class\\s+${n}\\b|${n}\\s*(?::[^=\\n]*)?=|(?:from\\s+\\S+\\s+)?import\\s+[^\\n]*\\b${n}\\b)`, 'm').test(text);
}
