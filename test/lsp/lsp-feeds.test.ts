// The language server's watch of the configured vulnerability data (server/src/lsp/feeds.ts).
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import type { Engine } from '../../server/src/engine';
import { FeedWatcher, globEscape } from '../../server/src/lsp/feeds';

const root = path.resolve('/work/dossiers');
const osv = path.join(root, 'feeds', 'osv');
const kev = path.join(root, 'feeds', 'kev[2026].json');

function setup(config: Record<string, string[]>, caps: { registration?: boolean; relative?: boolean } = {}) {
  const registered: unknown[] = [];
  const disposed: number[] = [];
  const logs: string[] = [];
  const errors: string[] = [];
  let open = Object.keys(config);
  const connection = {
    client: {
      register: async (_type: unknown, opts: unknown) => {
        const n = registered.push(opts);
        return { dispose: () => disposed.push(n) };
      },
    },
  } as unknown as Connection;
  const engine = {
    configFor: (file: string) => {
      const v = config[file];
      if (!v) throw new Error('broken rc');
      return { config: { vulnerabilities: v.map((p) => ({ path: p })) } };
    },
  } as unknown as Engine;
  const w = new FeedWatcher({ connection, engine, openFiles: () => open, log: (m) => logs.push(m), error: (where) => errors.push(where) });
  w.watchRegistration = caps.registration ?? true;
  w.relativePatterns = caps.relative ?? false;
  return { w, registered, disposed, logs, errors, setOpen: (files: string[]) => (open = files) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('FeedWatcher', () => {
  it('knows the configured data files, and a folder’s .json/.zip files, but not their cache', () => {
    const { w } = setup({ [path.join(root, 'a', 'SRS.md')]: [osv, kev] });
    w.watchFeeds();
    expect(w.isFeedFile(kev)).toBe(true);
    expect(w.isFeedFile(osv)).toBe(true);
    expect(w.isFeedFile(path.join(osv, 'PyPI', 'GHSA-1.json'))).toBe(true);
    expect(w.isFeedFile(path.join(osv, 'all.zip'))).toBe(true);
    expect(w.isFeedFile(path.join(osv, 'README.md'))).toBe(false);
    expect(w.isFeedFile(path.join(osv, '.cyberdossier-cache', 'index.json'))).toBe(false);
    expect(w.isFeedFile(path.join(root, 'feeds', 'other.json'))).toBe(false);
  });

  it('registers one watcher set with absolute globs, escaped, and keeps it while the set is unchanged', async () => {
    const { w, registered, logs } = setup({ [path.join(root, 'a', 'SRS.md')]: [osv, kev, 'relative/ignored.json'] });
    w.watchFeeds();
    w.watchFeeds();
    await flush();
    expect(registered).toHaveLength(1);
    const g = (p: string) => globEscape(p.split(path.sep).join('/'));
    expect(registered[0]).toEqual({
      watchers: [{ globPattern: g(kev) }, { globPattern: `${g(kev)}/**/*.{json,zip}` }, { globPattern: g(osv) }, { globPattern: `${g(osv)}/**/*.{json,zip}` }],
    });
    expect(g(kev)).toContain('kev[[]2026[]].json');
    expect(logs).toEqual([`watching vulnerability data: ${kev}, ${osv}`]);
  });

  it('uses relative patterns when the client supports them, and replaces the registration when the set changes', async () => {
    const a = path.join(root, 'a', 'SRS.md');
    const { w, registered, disposed, setOpen } = setup({ [a]: [osv] }, { relative: true });
    w.watchFeeds();
    await flush();
    expect(registered[0]).toEqual({
      watchers: [
        { globPattern: { baseUri: 'file:///work/dossiers/feeds', pattern: 'osv' } },
        { globPattern: { baseUri: 'file:///work/dossiers/feeds/osv', pattern: '**/*.{json,zip}' } },
      ],
    });
    // The dossier closes: nothing to watch, the old registration goes and no new one is made.
    setOpen([]);
    w.watchFeeds();
    await flush();
    expect(disposed).toEqual([1]);
    expect(registered).toHaveLength(1);
    expect(w.isFeedFile(osv)).toBe(false);
  });

  it('without dynamic registration it still knows the data, registers nothing; a broken rc names none', async () => {
    const { w, registered } = setup({ [path.join(root, 'a', 'SRS.md')]: [kev] }, { registration: false });
    w.watchFeeds();
    await flush();
    expect(registered).toHaveLength(0);
    expect(w.isFeedFile(kev)).toBe(true);
    const broken = setup({});
    broken.setOpen([path.join(root, 'b', 'SRS.md')]);
    broken.w.watchFeeds();
    expect(broken.w.isFeedFile(kev)).toBe(false);
  });

  it('logs the changed data files only', () => {
    const { w, logs } = setup({ [path.join(root, 'a', 'SRS.md')]: [osv] });
    w.watchFeeds();
    logs.length = 0;
    w.forgetChanged([path.join(root, 'a', 'SRS.md'), path.join(osv, 'GHSA-2.json')]);
    w.forgetChanged([path.join(root, 'a', 'sbom.json')]);
    expect(logs).toEqual(['vulnerability data changed: GHSA-2.json']);
  });
});
