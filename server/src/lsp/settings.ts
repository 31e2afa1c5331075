// The editor settings (`cyberdossier.*`) of the language server, per resource. A client with
// `workspace/configuration` is asked for the global settings and each workspace folder's (and, on
// first use, an open document's own); a client without it sends its settings in
// didChangeConfiguration. The engine reads them through `settingsFor` under the rc file
// (`.cyberdossierrc.yaml` keys win, config.ts). Kept apart from server.ts so that the way settings
// are fetched and resolved changes in one place.

import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { pathOfUri } from '../shared/uri';
import { isLocale, type ConfigInput } from '../engine';

/** The part of the connection the settings need (a test gives a fake one). */
export type ConfigurationConnection = Pick<Connection, 'workspace'>;

export class EditorSettings {
  /** The client answers `workspace/configuration` (initialize); else settings come pushed. */
  pulls = false;
  private settings = new Map<string, ConfigInput>();
  private globalSettings: ConfigInput = {};

  constructor(
    private readonly connection: ConfigurationConnection,
    private readonly folders: () => readonly string[],
  ) {}

  /** didChangeConfiguration of a client that does not answer `workspace/configuration`. */
  pushed(settings: unknown): void {
    if (!this.pulls) this.globalSettings = toInput(settings);
  }

  /** Forgets every resource's settings and, from a pulling client, asks for the global and folder ones again. */
  async refresh(): Promise<void> {
    this.settings.clear();
    if (!this.pulls) return;
    const scopes = this.folders().map((f) => URI.file(f).toString());
    const results = await this.connection.workspace.getConfiguration([{ section: 'cyberdossier' }, ...scopes.map((scopeUri) => ({ scopeUri, section: 'cyberdossier' }))]);
    this.globalSettings = toInput(results[0]);
    scopes.forEach((s, i) => this.settings.set(pathOfUri(s), toInput(results[i + 1])));
  }

  /** Fetches a resource's own settings once, before the engine reads them. */
  async ensure(uri: string): Promise<void> {
    if (!this.pulls) return;
    const file = pathOfUri(uri);
    if (this.settings.has(file)) return;
    const [s] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'cyberdossier' }]);
    this.settings.set(file, toInput(s));
  }

  /** Editor settings of a file: its own (open document), else its workspace folder's, else global. */
  settingsFor(file: string): { input: ConfigInput; base?: string } | undefined {
    const own = this.settings.get(file);
    const folder = this.folders().filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
    const input = own ?? (folder ? this.settings.get(folder) : undefined) ?? this.globalSettings;
    return { input, base: folder };
  }
}

/** dossier.yaml or the rc file: a change re-checks every open document it may govern. */
export function isConfigFile(file: string): boolean {
  const base = path.basename(file);
  return base === 'dossier.yaml' || base === '.cyberdossierrc.yaml';
}

/** Editor settings (`cyberdossier.*`) → the engine's configuration input. */
export function toInput(s: unknown): ConfigInput {
  if (!s || typeof s !== 'object') return {};
  const o = s as Record<string, unknown>;
  const input: ConfigInput = {};
  // 'auto' (and the old null) leave it to the dossier.
  if (typeof o.guideline === 'string' && o.guideline !== 'auto') input.guideline = o.guideline;
  if (isLocale(o.locale)) input.locale = o.locale;
  if (o.rules && typeof o.rules === 'object') input.rules = Object.fromEntries(Object.entries(o.rules as object).filter(([, v]) => typeof v === 'string'));
  if (o.aliases && typeof o.aliases === 'object') input.aliases = Object.fromEntries(Object.entries(o.aliases as object).filter(([, v]) => Array.isArray(v)));
  if (o.ids && typeof o.ids === 'object') input.ids = o.ids as ConfigInput['ids'];
  if (Array.isArray(o.dossierGlobs)) input.dossierGlobs = o.dossierGlobs.filter((x): x is string => typeof x === 'string');
  if (typeof o.maxFileSize === 'string' || typeof o.maxFileSize === 'number') input.maxFileSize = o.maxFileSize;
  // cyberdossier.export: relative to the workspace folder (config.ts resolveConfig); withheld in Restricted Mode by VS Code (restrictedConfigurations).
  const ref = o.export && typeof o.export === 'object' ? (o.export as { referenceDocx?: unknown }).referenceDocx : undefined;
  if (typeof ref === 'string' && ref.trim()) input.export = { referenceDocx: ref.trim() };
  return input;
}
