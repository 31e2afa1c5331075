// Where a code's documentation page lives: docs/rules/<code>.md inside the installed package,
// linked as a file URI so it opens offline (these documents are confidential; no network).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let root: string | undefined;

/** The package root: the nearest folder above this module that holds docs/rules. */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (root = path.resolve(__dirname, '..', '..'));
}

export function docsUrl(code: string): string {
  return pathToFileURL(path.join(packageRoot(), 'docs', 'rules', `${code}.md`)).href;
}

export function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
