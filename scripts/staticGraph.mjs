// The files of the built package a module pulls in statically: what loads with it. Shared by the
// package checks (the headless entry's imports) and the size budgets (the no-Chime rule).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The files `entry` imports statically, transitively (relative specifiers of the built ESM);
 * dynamic `import()`s are not followed: they load only when called.
 */
export const staticGraph = (entry) => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) {
      return;
    }
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      visit(resolve(dirname(file), match[1]));
    }
  };
  visit(entry);
  return [...seen];
};
