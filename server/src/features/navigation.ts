// Go to definition and find references for dossier IDs, across the files of the dossier.

import type { Location, Position } from 'vscode-languageserver-types';
import type { DocView } from './view';

const within = (r: { start: Position; end: Position }, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export function idAt(view: DocView, position: Position): string | undefined {
  return (view.file.resolvedIds ?? view.file.ids).find((o) => within(o.range, position))?.id;
}

export function definition(view: DocView, position: Position, uriOf: (path: string) => string): Location[] {
  const id = idAt(view, position);
  if (!id) return [];
  for (const f of view.state.files) {
    const def = (f.resolvedIds ?? f.ids).find((o) => o.id === id && o.definition);
    if (def) return [{ uri: uriOf(f.path), range: def.range }];
  }
  return [];
}

export function references(view: DocView, position: Position, includeDeclaration: boolean, uriOf: (path: string) => string): Location[] {
  const id = idAt(view, position);
  if (!id) return [];
  const out: Location[] = [];
  for (const f of view.state.files) for (const o of f.resolvedIds ?? f.ids) if (o.id === id && (includeDeclaration || !o.definition)) out.push({ uri: uriOf(f.path), range: o.range });
  return out;
}
