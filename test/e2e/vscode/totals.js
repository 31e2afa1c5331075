// Issue 18 item 2 in the real workbench, "one count everywhere": for a fresh copy of the example
// with mistakes, the totals read from vscode.languages.getDiagnostics (the Problems panel) for
// the dossier's files, from the checklist (the extension's test API and the view's description),
// from the language status item, from the written report and from the Word export's check all
// equal the CLI's `check <folder> --format json` summary. dossier.yaml's missing-document must
// arrive without "Check workspace".
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const vscode = require('vscode');

const SEVERITY = ['errors', 'warnings', 'infos', 'hints'];

/** `ctx`: { test, api, ws, waitForDiagnostics, waitForEvent, poll, codeOf } from index.js. */
exports.run = async function run(ctx) {
  const { test, api, ws, waitForDiagnostics, waitForEvent, poll, codeOf } = ctx;
  const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier');
  // Its own copy: earlier tests edit the example's buffers.
  const folder = vscode.Uri.joinPath(ws, 'totals-dossier');
  fs.cpSync(path.join(ext.extensionPath, 'examples', 'nmpa-2017', 'monitor-with-mistakes'), folder.fsPath, { recursive: true });
  const cli = spawnSync(process.execPath, [path.join(ext.extensionPath, 'bin', 'cyberdossier.js'), 'check', 'totals-dossier', '--format', 'json'], {
    cwd: ws.fsPath,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const expected = JSON.parse(cli.stdout);
  const want = SEVERITY.map((k) => expected.summary[k]);
  const within = (u) => u.fsPath.startsWith(folder.fsPath + path.sep);

  await test('issue 18/2: one member open → dossier.yaml’s missing-document, without Check workspace', async () => {
    assert.deepStrictEqual(want, [9, 6, 0, 1], cli.stderr);
    const desc = vscode.Uri.joinPath(folder, 'description.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
    await waitForDiagnostics(vscode.Uri.joinPath(folder, 'dossier.yaml'), (ds) => ds.some((d) => codeOf(d) === 'missing-document'));
  });

  await test('issue 18/2: the same totals in the Problems API, the checklist, the status item, the report, the Word export and the CLI', async () => {
    // Every member open in a tab (the Problems panel shows open files and dossier.yaml; a pull
    // client asks only for documents shown in tabs).
    for (const f of expected.files)
      if (f.path.endsWith('.md')) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(ws, f.path)), { preview: false });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'description.md')));
    const problems = () => {
      const t = [0, 0, 0, 0];
      for (const [uri, ds] of vscode.languages.getDiagnostics()) if (within(uri)) for (const d of ds) if (d.source === 'cyberdossier') t[d.severity]++;
      return t;
    };
    await poll(() => JSON.stringify(problems()) === JSON.stringify(want), () => `Problems totals ${JSON.stringify(problems())}, CLI ${JSON.stringify(want)}`);
    // Per file, too.
    for (const f of expected.files) {
      const got = vscode.languages.getDiagnostics(vscode.Uri.joinPath(ws, f.path)).filter((d) => d.source === 'cyberdossier').length;
      assert.strictEqual(got, f.diagnostics.length, f.path);
    }

    // The checklist the view shows (its data and its description).
    await vscode.commands.executeCommand('cyberdossier.checklist.focus');
    const own = () => api.checklists().find((c) => c.root === folder.fsPath);
    await waitForEvent(api.onDidChangeChecklist, () => own() && JSON.stringify(SEVERITY.map((k) => own().totals[k])) === JSON.stringify(want), 'the checklist totals of the copy');
    await poll(() => {
      const m = /(\d+) errors, (\d+) warnings|错误 (\d+)，警告 (\d+)/.exec(api.checklistView().description);
      return m && [Number(m[1] ?? m[3]), Number(m[2] ?? m[4])].join() === want.slice(0, 2).join();
    }, () => `checklist view description: ${api.checklistView().description}`);

    // The language status item.
    await poll(() => {
      const m = /dossier: (\d+) errors, (\d+) warnings, (\d+) info, (\d+) hints|申报资料：错误 (\d+)，警告 (\d+)，信息 (\d+)，提示 (\d+)/.exec(api.statusText()?.detail ?? '');
      return m && (m[1] !== undefined ? m.slice(1, 5) : m.slice(5, 9)).map(Number).join() === want.join();
    }, () => `status item: ${JSON.stringify(api.statusText())}`);

    // The written report.
    const target = vscode.Uri.joinPath(ws, '..', 'totals-report.html');
    await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: vscode.Uri.joinPath(folder, 'dossier.yaml').toString(), format: 'html', target: target.toString() });
    const html = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    const m = /data-totals="(\d+) (\d+) (\d+) (\d+)"/.exec(html);
    assert.ok(m, 'the report header has the totals');
    assert.deepStrictEqual(m.slice(1).map(Number), want);

    // The Word export's check (it refuses: the dossier has errors; nothing is written).
    const out = vscode.Uri.joinPath(ws, 'totals.docx'); // inside the workspace (scope.ts); refused, so never written
    const word = await api.client().sendRequest('cyberdossier/exportDocx', { uri: folder.toString(), outUri: out.toString(), force: false });
    assert.strictEqual(word.written, false);
    assert.deepStrictEqual([word.errors, word.warnings], want.slice(0, 2));
  });
};
