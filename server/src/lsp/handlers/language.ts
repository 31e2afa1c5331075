// The language features of an open document: completion and hover over its text and the
// engine's cached view of its dossier, definition and references across the dossier's files.

import { URI } from 'vscode-uri';
import { complete } from '../../features/completion';
import { hover } from '../../features/hover';
import { definition, references } from '../../features/navigation';
import { viewOf } from '../../features/view';
import { pathOfUri } from '../../shared/uri';
import type { ServerContext } from '../context';

export function registerLanguageFeatures(ctx: ServerContext): void {
  const c = ctx.connection;
  const toUri = (f: string) => URI.file(f).toString();
  /** What completion and hover read: the open text, the file's language, view and rule set. */
  const input = (uri: string) => {
    const doc = ctx.documents.get(uri);
    if (!doc) return undefined;
    const file = pathOfUri(doc.uri);
    return { text: doc.getText(), locale: ctx.localeFor(file), view: viewOf(ctx.engine, file), ruleset: ctx.rulesetOf(file) };
  };
  c.onCompletion(
    ctx.logger.safe('completion', null, (p) => {
      const i = input(p.textDocument.uri);
      return i ? complete({ text: i.text, position: p.position, locale: i.locale, view: i.view, ruleset: i.ruleset }) : null;
    }),
  );
  c.onHover(
    ctx.logger.safe('hover', null, (p) => {
      const i = input(p.textDocument.uri);
      return i ? hover({ text: i.text, position: p.position, locale: i.locale, view: i.view, ruleset: i.ruleset }) : null;
    }),
  );
  c.onDefinition(
    ctx.logger.safe('definition', [], (p) => {
      const view = viewOf(ctx.engine, pathOfUri(p.textDocument.uri));
      return view ? definition(view, p.position, toUri) : [];
    }),
  );
  c.onReferences(
    ctx.logger.safe('references', [], (p) => {
      const view = viewOf(ctx.engine, pathOfUri(p.textDocument.uri));
      return view ? references(view, p.position, p.context.includeDeclaration, toUri) : [];
    }),
  );
}
