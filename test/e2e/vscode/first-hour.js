// Issue 18 items 8, 9 and 5 in the real workbench (a remote one: the VS Code server in chromium).
// Runs inside the extension host, called by index.js with its helpers. Waits on events, never
// on sleeps. Where the extension would ask the user (the save dialog, the "Report written — Open"
// notification, the Word export's modal confirmation) the test answers through the same `vscode`
// API object the extension uses (the extension host gives one per extension, and this file lies
// inside it), recording what was asked.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

/** Replaces `obj[name]` by `impl(original, ...args)` (call-through by default), recording the calls. */
function stub(obj, name, impl) {
  const original = obj[name];
  const calls = [];
  obj[name] = function (...args) {
    calls.push(args);
    return impl ? impl(original.bind(obj), ...args) : original.apply(obj, args);
  };
  return { calls, restore: () => (obj[name] = original) };
}

/** `ctx`: { test, api, ws, waitForDiagnostics, waitForEvent, codeOf } from index.js. */
exports.run = async function run(ctx) {
  const { test, api, ws, waitForDiagnostics, waitForEvent, codeOf } = ctx;
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier');
  const zh = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
  const either = (en) => [en, zh[en]];
  const readUtf8 = async (u) => Buffer.from(await vscode.workspace.fs.readFile(u)).toString('utf8');
  const exists = (u) => fs.existsSync(u.fsPath);
  // Its own copy of the example with mistakes: earlier tests edit the example's buffers.
  const dossier = vscode.Uri.joinPath(ws, 'first-hour-dossier');
  fs.cpSync(path.join(ext.extensionPath, 'examples', 'nmpa-2017', 'monitor-with-mistakes'), dossier.fsPath, { recursive: true });
  const desc = vscode.Uri.joinPath(dossier, 'description.md');
  const webviewTab = (label) =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('cyberdossier.report') && (!label || label.test(t.label)));

  await test('issue 18/8: Export report → Open shows the written page inside this remote workbench (a webview), never a file: link the browser cannot reach', async () => {
    assert.ok(vscode.env.remoteName || vscode.env.uiKind === vscode.UIKind.Web, 'this workbench is remote');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
    await waitForDiagnostics(desc, (ds) => ds.length > 0);
    const target = vscode.Uri.joinPath(ws, '..', 'first-hour-report.html');
    const opened = stub(vscode.env, 'openExternal');
    const external = stub(vscode.env, 'asExternalUri');
    // The notification's "Open" button, clicked.
    const info = stub(vscode.window, 'showInformationMessage', (original, message, ...items) => (/Report written|报告已写入/.test(message) ? Promise.resolve(items[0]) : original(message, ...items)));
    try {
      const written = await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: desc.toString(), format: 'html', target: target.toString() });
      assert.strictEqual(written.toString(), target.toString());
      assert.strictEqual(info.calls.length, 1, 'the "Report written" notification was shown once (through the extension’s vscode.window)');
      assert.ok(either('Open').includes(info.calls[0][1]), JSON.stringify(info.calls[0]));
      const tab = await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => webviewTab(/first-hour-report\.html/), 'the report’s webview tab');
      assert.match(tab.label, /^(Report: |报告：)first-hour-report\.html$/);
      // A remote file's URI reaches the browser as vscode-remote://…, which it cannot open.
      assert.deepStrictEqual(opened.calls.map(([u]) => String(u)).filter((u) => /^(file|vscode-remote):/.test(u)), []);
      assert.deepStrictEqual(external.calls.map(([u]) => String(u)).filter((u) => /^(file|vscode-remote):/.test(u)), []);
      await vscode.window.tabGroups.close(tab);
    } finally {
      opened.restore();
      external.restore();
      info.restore();
    }
  });

  await test('issue 18/8: the save dialog starts outside the dossier folder (beside it), then where the user saved last', async () => {
    const chosen = vscode.Uri.joinPath(ws, '..', 'chosen-reports');
    await vscode.workspace.fs.createDirectory(chosen);
    const dialog = stub(vscode.window, 'showSaveDialog', (_original, options) => Promise.resolve(vscode.Uri.joinPath(chosen, path.basename(options.defaultUri.path))));
    const info = stub(vscode.window, 'showInformationMessage', (original, message, ...items) => (/Report written|报告已写入/.test(message) ? Promise.resolve(undefined) : original(message, ...items)));
    try {
      const first = await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: desc.toString(), format: 'html' });
      assert.strictEqual(dialog.calls.length, 1);
      const asked = dialog.calls[0][0].defaultUri;
      assert.strictEqual(path.dirname(asked.fsPath), path.dirname(dossier.fsPath), `default ${asked.fsPath}`);
      assert.ok(!asked.fsPath.startsWith(dossier.fsPath + path.sep), `inside the dossier: ${asked.fsPath}`);
      assert.match(path.basename(asked.fsPath), /\.html$/);
      assert.strictEqual(path.dirname(first.fsPath), chosen.fsPath);
      assert.match(await readUtf8(first), /<html lang="zh-CN">/);
      // Asked once, remembered: the next dialog starts in the folder chosen.
      await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: desc.toString(), format: 'md' });
      assert.strictEqual(dialog.calls.length, 2);
      assert.strictEqual(path.dirname(dialog.calls[1][0].defaultUri.fsPath), chosen.fsPath);
      assert.match(path.basename(dialog.calls[1][0].defaultUri.fsPath), /\.md$/);
    } finally {
      dialog.restore();
      info.restore();
    }
  });

  await test('issue 18/5: with cyberdossier.locale en the report of a Chinese dossier is English', async () => {
    const cfg = vscode.workspace.getConfiguration('cyberdossier');
    const target = vscode.Uri.joinPath(ws, '..', 'first-hour-report-en.html');
    try {
      await cfg.update('locale', 'en', vscode.ConfigurationTarget.Workspace);
      await waitForEvent(api.onDidChangeChecklist, () => api.locale() === 'en', 'the English client');
      await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: desc.toString(), format: 'html', target: target.toString() });
      const html = await readUtf8(target);
      assert.match(html, /<html lang="en">/);
      assert.match(html, /Overview/);
      assert.match(html, /Traceability matrix/);
      assert.doesNotMatch(html, /网络安全申报资料检查报告|可追溯性矩阵/);
    } finally {
      await cfg.update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForEvent(api.onDidChangeChecklist, () => api.locale() === 'zh-CN', 'the Chinese client again');
  });

  await test('issue 18/8: Export to Word with errors asks in a modal whose first (default, Enter) button cancels; nothing is written', async () => {
    // The workbench refuses modal dialogs while extension tests run ("DialogService: refused to
    // show dialog in tests"), so the modal is answered here as Enter answers it: VS Code makes a
    // modal's first item its primary button and focuses it; it adds "Cancel" itself.
    const out = vscode.Uri.joinPath(ws, 'first-hour.docx');
    const dialog = stub(vscode.window, 'showSaveDialog', () => Promise.resolve(out));
    const warned = stub(vscode.window, 'showWarningMessage', (original, message, ...rest) => {
      const [options, ...items] = rest;
      return options && options.modal ? Promise.resolve(items[0]) : original(message, ...rest);
    });
    const failed = stub(vscode.window, 'showErrorMessage');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
      const result = await vscode.commands.executeCommand('cyberdossier.exportWord', desc);
      const said = JSON.stringify({ save: dialog.calls.length, warnings: warned.calls.map((c) => c[0]), errors: failed.calls.map((c) => c[0]) });
      assert.strictEqual(result, undefined, said);
      assert.ok(!exists(out), 'the .docx was written');
      assert.strictEqual(dialog.calls.length, 1, said);
      assert.deepStrictEqual(failed.calls, [], said);
      const modal = warned.calls.filter((c) => c[1] && c[1].modal);
      assert.strictEqual(modal.length, 1, said);
      const [message, options, ...items] = modal[0];
      // The dossier is Chinese: the question is too, with the first errors as detail.
      assert.match(message, /^申报资料有 \d+ 个错误/, message);
      assert.match(options.detail, /D3\.7|缺少/);
      const titles = items.map((i) => i.title);
      assert.ok(either('Cancel and show the errors').includes(titles[0]), JSON.stringify(titles));
      assert.ok(titles.slice(1).some((t) => either('Export anyway').includes(t)), JSON.stringify(titles));
      assert.ok(!items.some((i) => i.isCloseAffordance && !either('Cancel and show the errors').includes(i.title)), 'no other item is the close affordance');
    } finally {
      dialog.restore();
      warned.restore();
      failed.restore();
    }
  });

  // ---- item 9: the quick-fix menu ----------------------------------------------------------
  const titlesAt = async (uri, range, kind) => {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind);
    return actions.map((a) => ({ title: a.title, kind: a.kind ? a.kind.value : undefined, diagnostics: (a.diagnostics || []).map(codeOf) }));
  };
  const dupes = (titles) => titles.filter((t, i) => titles.indexOf(t) !== i);

  await test('issue 18/9: a line with several findings gets each action once (the example’s two findings on one line; a new skeleton’s four missing keys)', async () => {
    const ds = await waitForDiagnostics(desc, (x) => (x.length ? x : null));
    const byLine = new Map();
    for (const d of ds) byLine.set(d.range.start.line, [...(byLine.get(d.range.start.line) || []), d]);
    const [line, several] = [...byLine].sort((a, b) => b[1].length - a[1].length)[0];
    assert.ok(several.length >= 2, `a line with several findings: ${JSON.stringify([...byLine].map(([l, x]) => [l, x.map(codeOf)]))}`);
    const range = several.reduce((r, d) => r.union(d.range), several[0].range);
    for (const kind of [undefined, vscode.CodeActionKind.QuickFix.value]) {
      const titles = (await titlesAt(desc, range, kind)).map((a) => a.title);
      assert.ok(titles.length >= 2, `line ${line}: ${titles.join(' | ')}`);
      assert.deepStrictEqual(dupes(titles), [], `line ${line} (${kind}): ${titles.join(' | ')}`);
    }

    // The skeleton New dossier document… writes before the facts: only document and guideline.
    const folder = vscode.Uri.joinPath(ws, 'hygiene');
    const doc = vscode.Uri.joinPath(folder, 'research.md');
    await vscode.workspace.fs.writeFile(doc, Buffer.from('---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\n---\n\n# <产品名称> 网络安全研究报告\n\n## 1 基本情况\n\n本产品的基本情况如下。\n', 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    const missing = await waitForDiagnostics(doc, (x) => (x.filter((d) => codeOf(d) === 'frontmatter-missing').length >= 2 ? x.filter((d) => codeOf(d) === 'frontmatter-missing') : null));
    const actions = await titlesAt(doc, missing[0].range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(dupes(titles), [], titles.join(' | '));
    // One fix inserts every missing key (named in its title); one disable covers them all.
    const insertAll = titles.filter((t) => /^(Add the missing frontmatter keys|添加缺少的 frontmatter 键)/.test(t));
    assert.strictEqual(insertAll.length, 1, titles.join(' | '));
    for (const key of ['submission', 'product', 'data']) assert.ok(insertAll[0].includes(key), insertAll[0]);
    assert.strictEqual(titles.filter((t) => /frontmatter-missing/.test(t)).length, 1, titles.join(' | '));
  });

  await test('issue 18/9: on a 2017 heading the migration is no quick fix, but a source action (once)', async () => {
    const doc = await vscode.workspace.openTextDocument(desc);
    const line = doc.getText().split('\n').findIndex((l) => /^##+ \d/.test(l));
    const range = new vscode.Range(line, 0, line, doc.lineAt(line).text.length);
    const migration = (a) => /migrate/i.test(a.kind || '') || /Migrate|迁移|NMPA 2022/.test(a.title);
    const quick = await titlesAt(desc, range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(quick.filter(migration), [], JSON.stringify(quick));
    const source = await titlesAt(desc, range, vscode.CodeActionKind.Source.value);
    assert.deepStrictEqual(source.filter((a) => a.kind === 'source.migrate.nmpa2022').length, 1, JSON.stringify(source));
    assert.ok(source.every((a) => a.kind && a.kind.startsWith('source')), JSON.stringify(source));
    // The whole list (lightbulb and source together): "Migrate this dossier…" once.
    const all = await titlesAt(desc, range, undefined);
    assert.strictEqual(all.filter((a) => /Migrate this dossier|将此申报资料迁移/.test(a.title)).length, 1, JSON.stringify(all));
  });

  await test('issue 18/9: editor.codeActionsOnSave source.fixAll.cyberdossier applies the safe fixes on save (a misspelt value, a missing key), nothing else', async () => {
    const editorCfg = vscode.workspace.getConfiguration('editor');
    const folder = vscode.Uri.joinPath(ws, 'fixall');
    const file = vscode.Uri.joinPath(folder, 'description.md');
    const clean = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'nmpa-2017', 'description-full.md'), 'utf8');
    // Without the submission and without the section 3.7: a missing key, a missing section.
    const start = clean.replace(/^submission: .*\n/m, '').replace(/### 3\.7 完整性和可得性测试报告\n\n[^\n]+\n/, '');
    assert.notStrictEqual(start, clean);
    await vscode.workspace.fs.writeFile(file, Buffer.from(start, 'utf8'));
    try {
      await editorCfg.update('codeActionsOnSave', { 'source.fixAll.cyberdossier': 'explicit' }, vscode.ConfigurationTarget.Workspace);
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      // The user mistypes a value.
      const at = doc.getText().indexOf('exchange: bidirectional') + 'exchange: '.length;
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'bidirectional'.length)), 'bidirectonal'));
      await waitForDiagnostics(file, (ds) => ds.some((d) => codeOf(d) === 'frontmatter-invalid') && ds.some((d) => codeOf(d) === 'frontmatter-missing') && ds.some((d) => codeOf(d) === 'missing-section'));
      const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, () => /exchange: bidirectional\n/.test(doc.getText()) && /^submission: /m.test(doc.getText()), 'the fixes applied on save');
      assert.ok(await doc.save(), 'saved');
      await changed;
      assert.ok(!doc.isDirty, 'the fixes are part of the save');
      const text = doc.getText();
      assert.match(text, /^submission: <initial-registration \| change \| renewal>$/m);
      assert.strictEqual(fs.readFileSync(file.fsPath, 'utf8'), text);
      // Only the frontmatter changed: no section was inserted unasked.
      assert.strictEqual(text.slice(text.indexOf('\n---\n')), start.slice(start.indexOf('\n---\n')));
      const after = await waitForDiagnostics(file, (ds) => (!ds.some((d) => codeOf(d) === 'frontmatter-missing') && !ds.some((d) => codeOf(d) === 'frontmatter-invalid' && /bidirectonal/.test(d.message)) ? ds : null));
      assert.ok(after.some((d) => codeOf(d) === 'missing-section'), 'the missing section is left to the user');
      // A placeholder the fix wrote is the user's to fill: the next save leaves it.
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n'));
      const before = doc.getText();
      assert.ok(await doc.save());
      assert.strictEqual(doc.getText(), before);
    } finally {
      await editorCfg.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
};
