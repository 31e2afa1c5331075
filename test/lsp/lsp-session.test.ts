// The language server's session parts read from the client (server/src/lsp/capabilities.ts,
// settings.ts, log.ts): the initialize handshake of real clients, the editor settings per
// resource, and the rule that a handler never throws and a failing rule is reported once.

import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { clientStateOf, initializeResult } from '../../server/src/lsp/capabilities';
import { ServerLog } from '../../server/src/lsp/log';
import { EditorSettings, isConfigFile, toInput, type ConfigurationConnection } from '../../server/src/lsp/settings';

const root = path.resolve('/work/dossiers');
const uri = (p: string) => URI.file(p).toString();

/** What VS Code 1.9x sends (abridged to the fields the server reads). */
const vscode: InitializeParams = {
  processId: 1,
  rootUri: uri(root),
  locale: 'zh-cn',
  workspaceFolders: [{ uri: uri(path.join(root, 'a')), name: 'a' }, { uri: uri(path.join(root, 'b')), name: 'b' }],
  initializationOptions: { trusted: false, selectRangeCommand: true, migrateCommand: true },
  capabilities: {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      diagnostics: { refreshSupport: true },
      workspaceEdit: { documentChanges: true, snippetEditSupport: true } as never,
    },
    textDocument: { diagnostic: { dynamicRegistration: true } },
    window: { workDoneProgress: true },
  },
};

/** Neovim 0.7: no pulls, no configuration requests, a root URI only, an English locale. */
const neovim: InitializeParams = { processId: 1, rootUri: uri(root), locale: 'en_US', workspaceFolders: null, capabilities: { textDocument: { publishDiagnostics: {} } } };

describe('initialize', () => {
  test('VS Code: pull, configuration, folders, Restricted Mode, the client commands, snippet edits', () => {
    expect(clientStateOf(vscode)).toEqual({
      configuration: true,
      mode: 'pull',
      workDoneProgress: true,
      workspaceFolderEvents: true,
      watchRegistration: true,
      relativePatterns: true,
      selectRange: true,
      migrateCommand: true,
      snippetEdits: true,
      locale: 'zh-CN',
      trusted: false,
      folders: [path.join(root, 'a'), path.join(root, 'b')],
    });
  });

  test('Neovim 0.7: push, the root as the one folder, English, trusted', () => {
    const s = clientStateOf(neovim);
    expect(s).toMatchObject({ configuration: false, mode: 'push', workspaceFolderEvents: false, snippetEdits: false, locale: 'en', trusted: true, folders: [root] });
  });

  test('the locale: initializationOptions win, any zh variant or none is Chinese, anything else English', () => {
    expect(clientStateOf({ ...vscode, initializationOptions: { locale: 'en' } }).locale).toBe('en');
    expect(clientStateOf({ ...neovim, locale: 'zh-TW' }).locale).toBe('zh-CN');
    expect(clientStateOf({ ...neovim, locale: undefined }).locale).toBe('zh-CN');
    expect(clientStateOf({ ...neovim, locale: 'de' }).locale).toBe('en');
  });

  test('snippet edits need documentChanges too', () => {
    const caps = { workspace: { workspaceEdit: { snippetEditSupport: true } as never } };
    expect(clientStateOf({ ...neovim, capabilities: caps }).snippetEdits).toBe(false);
  });

  test('diagnosticProvider is advertised to a pull client only: one mode, never both', () => {
    expect(initializeResult('pull').capabilities.diagnosticProvider).toEqual({ identifier: 'cyberdossier', interFileDependencies: true, workspaceDiagnostics: true });
    const push = initializeResult('push');
    expect(push.capabilities.diagnosticProvider).toBeUndefined();
    expect(push.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.cyberdossier', 'source.migrate.nmpa2022', 'source.migrateSteps.nmpa2022'], resolveProvider: true });
    expect(push.serverInfo).toEqual({ name: 'cyberdossier-language-server' });
  });
});

/** A client answering workspace/configuration from settings by scope URI ('' = global). */
function configClient(byScope: Record<string, unknown>) {
  const asked: (string | undefined)[][] = [];
  const connection = {
    workspace: {
      getConfiguration: async (items: { scopeUri?: string }[]) => {
        asked.push(items.map((i) => i.scopeUri));
        return items.map((i) => byScope[i.scopeUri ?? '']);
      },
    },
  } as unknown as ConfigurationConnection;
  return { connection, asked };
}

describe('editor settings', () => {
  const a = path.join(root, 'a');
  const nested = path.join(root, 'a', 'nested');
  const file = path.join(nested, 'SRS.md');

  test('a file’s own settings, else its innermost workspace folder’s, else the global ones', async () => {
    const { connection, asked } = configClient({ '': { locale: 'en' }, [uri(a)]: { guideline: 'nmpa-2017' }, [uri(nested)]: { guideline: 'nmpa-2022' }, [uri(file)]: { rules: { placeholder: 'off', bad: 1 } } });
    const s = new EditorSettings(connection, () => [a, nested]);
    s.pulls = true;
    await s.refresh();
    expect(s.settingsFor(path.join(a, 'x.md'))).toEqual({ input: { guideline: 'nmpa-2017' }, base: a });
    expect(s.settingsFor(file)).toEqual({ input: { guideline: 'nmpa-2022' }, base: nested });
    expect(s.settingsFor(path.join(root, 'elsewhere.md'))).toEqual({ input: { locale: 'en' }, base: undefined });
    await s.ensure(uri(file));
    await s.ensure(uri(file));
    expect(s.settingsFor(file)).toEqual({ input: { rules: { placeholder: 'off' } }, base: nested });
    // One request for global + folders, one for the file, none for the second ensure.
    expect(asked).toEqual([[undefined, uri(a), uri(nested)], [uri(file)]]);
  });

  test('a client without workspace/configuration: the pushed settings are the global ones, nothing is asked', async () => {
    const { connection, asked } = configClient({});
    const s = new EditorSettings(connection, () => [a]);
    s.pushed({ guideline: 'auto', locale: 'en', maxFileSize: '2MB' });
    await s.refresh();
    await s.ensure(uri(file));
    expect(s.settingsFor(file)).toEqual({ input: { locale: 'en', maxFileSize: '2MB' }, base: a });
    expect(asked).toEqual([]);
  });

  test('pushed settings are ignored from a client that is asked instead', async () => {
    const { connection } = configClient({ '': { locale: 'zh-CN' } });
    const s = new EditorSettings(connection, () => []);
    s.pulls = true;
    s.pushed({ locale: 'en' });
    await s.refresh();
    expect(s.settingsFor(file)?.input).toEqual({ locale: 'zh-CN' });
  });

  test('toInput keeps the well-typed keys only', () => {
    expect(toInput(null)).toEqual({});
    expect(
      toInput({
        guideline: 'nmpa-2022',
        locale: 'fr',
        aliases: { 'I1.3': ['版本'], bad: 'x' },
        dossierGlobs: ['**/*.md', 3],
        maxFileSize: 1000,
        export: { referenceDocx: '  templates/ref.docx ' },
        unknown: true,
      }),
    ).toEqual({ guideline: 'nmpa-2022', aliases: { 'I1.3': ['版本'] }, dossierGlobs: ['**/*.md'], maxFileSize: 1000, export: { referenceDocx: 'templates/ref.docx' } });
    expect(toInput({ export: { referenceDocx: '   ' } })).toEqual({});
  });

  test('config files: dossier.yaml and the rc file, by name', () => {
    expect(isConfigFile(path.join(a, 'dossier.yaml'))).toBe(true);
    expect(isConfigFile(path.join(a, '.cyberdossierrc.yaml'))).toBe(true);
    expect(isConfigFile(path.join(a, 'dossier.yml'))).toBe(false);
    expect(isConfigFile(path.join(a, 'SRS.md'))).toBe(false);
  });
});

describe('the server log', () => {
  const console = () => {
    const lines: string[] = [];
    return { lines, log: new ServerLog({ console: { log: (m: string) => lines.push(`log ${m}`), error: (m: string) => lines.push(`error ${m}`) } } as never) };
  };

  test('a failing rule family is reported once per (rule, message), not per keystroke', () => {
    const { lines, log } = console();
    const f = { rule: 'content', path: '/d/SRS.md', message: 'boom', stack: 'Error: boom\n    at x' };
    log.ruleFailed(f);
    log.ruleFailed({ ...f, path: '/d/other.md' });
    log.ruleFailed({ ...f, message: 'other' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'error [cyberdossier] internal error in the content rules while checking /d/SRS.md; their findings are left out until it is fixed (other rules still run). Please report this.\nError: boom\n    at x',
    );
  });

  test('a handler that throws answers its fallback and logs where', async () => {
    const { lines, log } = console();
    const h = log.safe('hover', null, (n: number) => {
      if (n > 1) throw new TypeError('bad position');
      return n;
    });
    expect(await h(1)).toBe(1);
    expect(await h(2)).toBeNull();
    const rejected = log.safe('status', 'fallback', async () => Promise.reject(new Error('gone')));
    expect(await rejected()).toBe('fallback');
    expect(lines.map((l) => l.split('\n')[0])).toEqual(['error [cyberdossier] hover: TypeError: bad position', 'error [cyberdossier] status: Error: gone']);
  });
});
