// Which dossier a file or folder belongs to, and its state: the engine's last one when it still
// matches the files, else a check of that dossier. Shared by the checklist, the crosswalk and the
// reports (re-exported by checklist.ts); pure over the engine (no editor API).

import * as path from 'node:path';
import { DOSSIER_YAML, findDossierRoots, walkMarkdown, comparePaths, type Engine, type FileReport, type DossierState } from '../engine';

export interface DossierRef {
  yamlPath?: string;
  root: string;
  members: string[];
}

/** The dossier a file or folder belongs to (a folder without dossier.yaml at or above it: none). */
export function resolveDossier(engine: Engine, target: string): DossierRef | undefined {
  const host = engine.host;
  const abs = path.resolve(target);
  if (host.isDirectory(abs)) {
    const own = path.join(abs, DOSSIER_YAML);
    const yaml = host.exists(own) ? own : engine.dossierYamlFor(path.join(abs, '__any__.md'));
    if (!yaml) return undefined;
    return { yamlPath: yaml, root: path.dirname(yaml), members: walkMarkdown(host, path.dirname(yaml), { stopAtDossier: true }) };
  }
  if (!host.exists(abs)) return undefined;
  if (path.basename(abs) === DOSSIER_YAML) return { yamlPath: abs, root: path.dirname(abs), members: walkMarkdown(host, path.dirname(abs), { stopAtDossier: true }) };
  const yaml = engine.dossierYamlFor(abs);
  if (!yaml) return { root: path.dirname(abs), members: [abs] };
  const members = walkMarkdown(host, path.dirname(yaml), { stopAtDossier: true });
  if (!members.includes(abs)) members.push(abs);
  return { yamlPath: yaml, root: path.dirname(yaml), members: members.sort(comparePaths) };
}

/**
 * Every dossier at or below a folder: each folder holding dossier.yaml, and each dossier file
 * (frontmatter with `document:`) outside them, a dossier of one.
 */
export function dossiersIn(engine: Engine, folder: string): DossierRef[] {
  const host = engine.host;
  const abs = path.resolve(folder);
  const above = resolveDossier(engine, abs);
  if (above) return [above];
  const roots = findDossierRoots(host, abs);
  const out: DossierRef[] = roots.map((r) => resolveDossier(engine, r)!).filter(Boolean);
  const inRoot = (f: string) => roots.some((r) => f.startsWith(r + path.sep));
  for (const f of walkMarkdown(host, abs)) {
    if (inRoot(f)) continue;
    const head = host.readFile(f)?.slice(0, 4000) ?? '';
    if (/^---\r?\n(?:[^\n]*\r?\n)*?document\s*:/.test(head)) out.push({ root: path.dirname(f), members: [f] });
  }
  return out;
}

/**
 * The dossier's state. Cached (the editor): the engine's last state when it still matches the
 * files (same members, same text), else a check of this dossier alone, which the engine keeps for
 * the next request. Fresh (the CLI): a check of the dossier folder, dossier.yaml's findings
 * included.
 */
export function dossierState(engine: Engine, d: DossierRef, fresh = false): { state: DossierState; reports: FileReport[] } {
  if (!fresh) {
    const cached = cachedState(engine, d);
    if (cached && isCurrent(engine, cached.state, d)) return cached;
    // Much text to parse (a large edit the server is parsing in slices): answer with the last
    // state rather than block; the server's checked notification brings the next request.
    if (cached && engine.uncachedChunks({ files: d.members }).reduce((n, t) => n + t.length, 0) > 64_000) return cached;
    if (d.members.length) {
      engine.check({ files: d.members, dossier: true });
      const again = cachedState(engine, d);
      if (again) return again;
    }
  }
  const r = engine.checkDossier({ members: d.members, yamlPath: d.yamlPath, scope: d.yamlPath !== undefined ? 'folder' : 'files' });
  const rc = [...r.rcFindings].filter(([, f]) => f.length).map(([p, f]) => engine.rcReport(p, f));
  return { state: r.state, reports: [...r.files, ...(r.yaml ? [r.yaml] : []), ...rc] };
}

function cachedState(engine: Engine, d: DossierRef): { state: DossierState; reports: FileReport[] } | undefined {
  for (const m of d.members) {
    const s = engine.stateOf(m);
    if (s && s.state.yamlPath === d.yamlPath && (d.yamlPath || s.state.files.some((f) => f.path === m))) return { state: s.state, reports: s.reports };
  }
  return undefined;
}

/** The state was computed from the files as they are now (members, texts, dossier.yaml). */
function isCurrent(engine: Engine, state: DossierState, d: DossierRef): boolean {
  const paths = new Set(state.files.map((f) => f.path));
  if (paths.size !== d.members.length || d.members.some((m) => !paths.has(m))) return false;
  if (state.yamlPath && engine.host.readFile(state.yamlPath) !== state.yamlLines?.text) return false;
  return state.files.every((f) => f.tooLarge || engine.host.readFile(f.path) === f.text);
}
