// Heavy, rarely used parts (the Word import and export: mammoth, docx, jszip) are bundled on
// their own (server/out/<name>.js) and loaded on first use, so `cyberdossier check` and the
// language server start without them.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const loaded = new Map<string, unknown>();

export function loadBundle<T>(name: string): T {
  let m = loaded.get(name);
  if (!m) {
    // Beside the running bundle (server/out); from the sources (tests), in ../../out.
    const file = [path.join(__dirname, `${name}.js`), path.join(__dirname, '..', '..', 'out', `${name}.js`)].find((f) => fs.existsSync(f));
    if (!file) throw new Error(`the ${name} bundle is missing: run npm run build`);
    m = createRequire(file)(file);
    loaded.set(name, m);
  }
  return m as T;
}
