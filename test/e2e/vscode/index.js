// Runs INSIDE the VS Code extension host (the @vscode/test-electron model): `run()` is the test
// suite; a rejection fails the run. Waits on events (diagnostics changes), never on sleeps.
// Expectations come from the CLI, run by the launcher on the same files (EXPECTED_FILE).
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push(`ok - ${name}`);
  } catch (e) {
    results.push(`not ok - ${name}: ${(e && e.stack) || e}`);
  }
  // As they come: a run that hangs later still says how far it got.
  if (process.env.E2E_RESULT_FILE) fs.writeFileSync(process.env.E2E_RESULT_FILE, `${results.join('\n')}\n(running)\n`);
}

/** Resolves when `check()` returns a truthy value, re-checking on every diagnostics change. */
function waitForDiagnostics(uri, check, ms = 60000) {
  return new Promise((resolve, reject) => {
    const tryNow = () => {
      const v = check(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cyberdossier'));
      if (v) {
        sub.dispose();
        clearTimeout(timer);
        resolve(v);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) tryNow();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timeout waiting for diagnostics of ${uri.path}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.range.start.line, d.code]))}`));
    }, ms);
    tryNow();
  });
}

/** Resolves when `check()` returns a truthy value, re-checking whenever `event` fires. */
function waitForEvent(event, check, what, ms = 60000) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      sub && sub.dispose();
      reject(new Error(`timeout waiting for ${what}`));
    }, ms);
    const tryNow = () => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        sub && sub.dispose();
        resolve(v);
      }
      return v;
    };
    sub = event(() => void tryNow());
    tryNow();
  });
}

/** Re-checks `check()` every 50 ms until it holds (a state with no event of its own), with a deadline. */
async function poll(check, what, ms = 30000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error(`timeout waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
const render = (ds) => ds.map((d) => `${d.range.start.line} ${['error', 'warning', 'info', 'hint'][d.severity]} ${codeOf(d)}`).sort();

exports.run = async function run() {
  const expected = JSON.parse(fs.readFileSync(process.env.EXPECTED_FILE, 'utf8'));
  const ws = vscode.workspace.workspaceFolders[0].uri;
  const desc = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'description.md');
  let editor;

  await test('the extension activates on an example dossier', async () => {
    const doc = await vscode.workspace.openTextDocument(desc);
    editor = await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier');
    assert.ok(ext, 'extension not found');
    await ext.activate();
    assert.ok(ext.isActive);
  });

  await test('the expected diagnostics arrive through vscode.languages.getDiagnostics (the same as the CLI)', async () => {
    const want = expected['monitor-with-mistakes/description.md'].map((d) => `${d.range.start.line} ${d.severity} ${d.code}`).sort();
    const got = await waitForDiagnostics(desc, (ds) => (ds.length === want.length ? ds : null));
    assert.deepStrictEqual(render(got), want);
    const d = got.find((x) => codeOf(x) === 'missing-section');
    assert.match(String(d.code.target), /docs\/rules\/missing-section\.md$/);
  });

  await test('a completion list at a new heading holds the missing section', async () => {
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('## 4 维护计划'));
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '### \n\n'));
    await waitForDiagnostics(desc, (ds) => ds.some((x) => x.range.start.line > line + 1));
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', desc, new vscode.Position(line, 4));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('3.5 完整性和可得性测试报告'), `labels: ${labels.join(', ')}`);
    await editor.edit((b) => b.delete(new vscode.Range(line, 0, line + 2, 0)));
  });

  await test('a quick fix applied through the vscode API clears its diagnostic', async () => {
    const ds = await waitForDiagnostics(desc, (x) => (x.some((d) => codeOf(d) === 'missing-section' && d.message.includes('D3.7')) ? x : null));
    const target = ds.find((d) => codeOf(d) === 'missing-section' && d.message.includes('D3.7'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', desc, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.title.includes('D3.7'));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments || []));
    await waitForDiagnostics(desc, (x) => !x.some((d) => codeOf(d) === 'missing-section' && d.message.includes('D3.7')));
    // The cursor sits on the inserted template's placeholder.
    assert.match(editor.document.getText(editor.selection), /^<.+>$/);
  });

  await test('hover on a recognised heading quotes the guideline', async () => {
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('### 3.3 可追溯性分析报告'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', desc, new vscode.Position(line, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /D3\.3/);
    assert.match(text, /追溯网络安全需求规范、设计规范、测试、风险管理的关系表/);
  });

  await test('Check workspace publishes closed files and missing-document', async () => {
    const yaml = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'dossier.yaml');
    const patch = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'patch.md');
    const result = await vscode.commands.executeCommand('cyberdossier.checkWorkspace');
    assert.ok(result && result.files >= 4, JSON.stringify(result));
    await waitForDiagnostics(yaml, (ds) => ds.some((d) => codeOf(d) === 'missing-document'));
    await waitForDiagnostics(patch, (ds) => ds.some((d) => codeOf(d) === 'wrong-document-kind'));
  });

  await test('New dossier document… writes the skeleton of the chosen kind', async () => {
    const target = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'technical-requirements.md');
    await vscode.commands.executeCommand('cyberdossier.newDocument', { kind: 'technical-requirements', lang: 'zh', uri: target.toString() });
    const text = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(text, /^---\ndocument: technical-requirements\n---/);
    assert.match(text, /## 1 数据接口/);
    // The dossier no longer misses the technical requirements.
    await vscode.commands.executeCommand('cyberdossier.checkWorkspace');
    const yaml = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'dossier.yaml');
    await waitForDiagnostics(yaml, (ds) => !ds.some((d) => codeOf(d) === 'missing-document'));
  });

  await test('snippets come from the language server, the injection grammar is contributed', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier');
    // Issue 18 item 6: the server offers the snippets as completion items (on "cd-"), so a static
    // contribution would show every one twice.
    assert.ok(!ext.packageJSON.contributes.snippets);
    assert.ok(fs.existsSync(vscode.Uri.joinPath(ext.extensionUri, 'snippets', 'cyberdossier.code-snippets').fsPath));
    assert.ok(fs.existsSync(vscode.Uri.joinPath(ext.extensionUri, 'syntaxes', 'cyberdossier.injection.tmLanguage.json').fsPath));
  });

  const api = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier').exports;
  const ifu = vscode.Uri.joinPath(ws, 'monitor-with-mistakes', 'instructions-for-use.md');
  await test('the checklist view shows the missing requirement of the example with mistakes, and its fix adds it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(ifu));
    await vscode.commands.executeCommand('cyberdossier.checklist.focus');
    const missingI5 = () => {
      for (const c of api.checklists())
        for (const d of c.documents)
          for (const r of d.requirements) if (r.id === 'I5' && r.status === 'missing' && r.quickFix) return { c, d, r };
      return undefined;
    };
    const found = await waitForEvent(api.onDidChangeChecklist, missingI5, 'I5 missing in the checklist');
    assert.strictEqual(found.d.kind, 'instructions-for-use');
    assert.ok(found.c.counts.present < found.c.counts.required, JSON.stringify(found.c.counts));
    // Statuses other than missing are there too (the example answers some sections 不适用).
    const statuses = new Set(found.c.documents.flatMap((d) => d.requirements.map((r) => r.status)));
    assert.ok(statuses.has('present') && statuses.has('missing'), [...statuses].join(','));
    const applied = await vscode.commands.executeCommand('cyberdossier.checklist.fix', found.r);
    assert.ok(applied, 'the checklist fix reports it was not applied');
    await waitForDiagnostics(ifu, (ds) => !ds.some((d) => codeOf(d) === 'missing-section' && d.message.includes('I5')));
    await waitForEvent(api.onDidChangeChecklist, () => !missingI5(), 'I5 no longer missing in the checklist');
  });

  // ---- issue 18: the first document, the checklist view, one language, the report ----------
  const cfg = () => vscode.workspace.getConfiguration('cyberdossier');
  const first = vscode.Uri.joinPath(ws, 'first-dossier');
  const firstDoc = vscode.Uri.joinPath(first, 'cybersecurity-research-report.md');
  const firstYaml = vscode.Uri.joinPath(first, 'dossier.yaml');
  const readUtf8 = async (u) => Buffer.from(await vscode.workspace.fs.readFile(u)).toString('utf8');

  await test('issue 18/1: the guidelines come from the server, current law first', async () => {
    const gs = await api.client().sendRequest('cyberdossier/guidelines');
    assert.deepStrictEqual(gs.slice(0, 2).map((g) => g.id), ['nmpa-2022', 'nmpa-2017']);
    assert.ok(gs[0].current && !gs[1].current);
    assert.ok(gs[0].kinds.every((k) => k.id !== 'cybersecurity-description'), 'the 2022 guideline offers only its own kinds');
  });

  await test('issue 18/1: New dossier document in an empty folder writes dossier.yaml and the skeleton, opens it and reveals the checklist', async () => {
    await vscode.workspace.fs.createDirectory(first);
    const r = await vscode.commands.executeCommand('cyberdossier.newDocument.run', {
      guideline: 'nmpa-2022',
      kind: 'cybersecurity-research-report',
      submission: 'initial-registration',
      product: { name: '首例监护仪', model: 'FM-1', class: 'II', software_version: '1.0.0.1' },
      // The facts the flow asks after the kind (the catalogue depends on them).
      facts: { 'data.types': ['sensitive-medical', 'device'], 'software.safety_level': ['moderate'] },
      lang: 'zh',
      uri: firstDoc.toString(),
    });
    assert.ok(r && r.uri.toString() === firstDoc.toString(), JSON.stringify(r));
    assert.deepStrictEqual(r.added, ['guideline', 'submission', 'product.name', 'product.model', 'product.class', 'product.software_version', 'data.types', 'software.safety_level']);
    const yaml = await readUtf8(firstYaml);
    assert.match(yaml, /^guideline: nmpa-2022$/m);
    assert.match(yaml, /^ {2}name: 首例监护仪$/m);
    assert.match(yaml, /^ {2}software_version: 1\.0\.0\.1$/m);
    assert.strictEqual(vscode.window.activeTextEditor.document.uri.toString(), firstDoc.toString());
    assert.match(vscode.window.activeTextEditor.document.getText(), /^# 首例监护仪 /m);
    await waitForEvent(api.onDidChangeChecklist, () => api.checklistView().visible && api.checklists().some((c) => c.root.endsWith('first-dossier') && c.ruleset.id === 'nmpa-2022'), 'the checklist of the new dossier, visible');
    // The facts are loaded: no frontmatter or dossier finding about a missing product or submission.
    const ds = await waitForDiagnostics(firstDoc, (x) => (x.length ? x : null));
    const facts = ds.filter((d) => ['frontmatter-missing', 'dossier-invalid', 'frontmatter-invalid', 'config-invalid'].includes(codeOf(d)));
    assert.deepStrictEqual(facts.map((d) => d.message), []);
    // Acceptance (issue 18): at most one finding per section still to write.
    const lines = vscode.window.activeTextEditor.document.getText().split('\n');
    const sectionOf = (line) => {
      for (let i = line; i >= 0; i--) if (/^#{1,6} /.test(lines[i])) return lines[i];
      return '(before the first heading)';
    };
    const per = new Map();
    for (const d of ds) per.set(sectionOf(d.range.start.line), [...(per.get(sectionOf(d.range.start.line)) ?? []), `${codeOf(d)}: ${d.message}`]);
    assert.deepStrictEqual([...per].filter(([, v]) => v.length > 1), []);
  });

  await test('issue 18/1: a second document merges into dossier.yaml and keeps what the user wrote', async () => {
    const edited = (await readUtf8(firstYaml)).replace('name: 首例监护仪', 'name: 用户改过的名称 # mine');
    await vscode.workspace.fs.writeFile(firstYaml, Buffer.from(edited, 'utf8'));
    const second = vscode.Uri.joinPath(first, 'technical-requirements.md');
    const r = await vscode.commands.executeCommand('cyberdossier.newDocument.run', { guideline: 'nmpa-2022', kind: 'technical-requirements', product: { name: '别的名称' }, lang: 'zh', uri: second.toString(), noReveal: true });
    assert.deepStrictEqual(r.added, []);
    assert.strictEqual(await readUtf8(firstYaml), edited);
    assert.match(await readUtf8(second), /^---\ndocument: technical-requirements\nguideline: nmpa-2022\n---/);
  });

  await test('issue 18/7: checklist rows: distinct icons, plural counts, short tooltips', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
    await waitForEvent(api.onDidChangeChecklist, () => api.checklists().some((c) => c.root.endsWith('monitor-with-mistakes')) && api.checklistRows().length > 10, 'the checklist of the example with mistakes');
    const rows = api.checklistRows();
    const req = rows.filter((r) => r.id.startsWith('req|'));
    const byIcon = (icon) => req.filter((r) => r.icon === icon);
    assert.ok(byIcon('error').length > 0, 'a required section is missing');
    assert.ok(byIcon('circle-slash').length > 0, 'a section answered not applicable');
    assert.ok(byIcon('pass').length > 0);
    for (const r of byIcon('circle-slash')) assert.notStrictEqual(r.color, 'list.errorForeground');
    // A document that is not part of this submission is not a red ✗.
    for (const r of rows.filter((x) => x.id.startsWith('doc|') && /不属于本次申报|not part of this submission/.test(x.description))) assert.notStrictEqual(r.icon, 'error', JSON.stringify(r));
    // Counts: "1 finding" / "N findings" (en) or "N 项发现" (zh) — never "1 findings".
    const all = rows.map((r) => r.description).join('\n');
    assert.doesNotMatch(all, /\b1 findings\b/);
    assert.match(all, /\d+ 项发现|\d+ findings?/);
    // Tooltips stay short.
    for (const r of req) assert.ok(r.tooltip.split('\n').filter(Boolean).length <= 4, `${r.label}: ${r.tooltip}`);
  });

  await test('issue 18/5: cyberdossier.locale switches every client surface; auto follows the dossier', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
    try {
      await cfg().update('locale', 'en', vscode.ConfigurationTarget.Workspace);
      await waitForEvent(api.onDidChangeChecklist, () => api.locale() === 'en' && api.checklistView().title === 'Dossier checklist', 'English view');
      await poll(() => /dossier|required sections/.test(api.statusText()?.text ?? ''), () => `English status item: ${JSON.stringify(api.statusText())}`);
      const en = api.checklistRows().map((r) => r.description).join('\n');
      assert.doesNotMatch(en, /缺少|不适用|项发现/);
      // The diagnostics switch too (the server's messages).
      await waitForDiagnostics(desc, (ds) => ds.some((d) => codeOf(d) === 'missing-section' && /missing/i.test(d.message)));
      await cfg().update('locale', 'zh-CN', vscode.ConfigurationTarget.Workspace);
      await waitForEvent(api.onDidChangeChecklist, () => api.locale() === 'zh-CN' && api.checklistView().title === '申报资料检查清单', 'Chinese view');
      assert.match(api.checklistRows().map((r) => r.description).join('\n'), /缺少|不适用|项发现/);
      await poll(() => /申报资料|必需章节/.test(api.statusText()?.text ?? ''), () => `Chinese status item: ${JSON.stringify(api.statusText())}`);
      // auto: the Chinese example is Chinese whatever VS Code's display language is.
      await cfg().update('locale', 'auto', vscode.ConfigurationTarget.Workspace);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
      await waitForEvent(api.onDidChangeChecklist, () => api.locale() === 'zh-CN', 'auto → the dossier’s language');
    } finally {
      await cfg().update('locale', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  await test('issue 18/8: Export report writes the page in the dossier’s language where it is asked to', async () => {
    const target = vscode.Uri.joinPath(ws, '..', 'exported-report.html');
    const written = await vscode.commands.executeCommand('cyberdossier.exportReport', { uri: desc.toString(), format: 'html', target: target.toString() });
    assert.strictEqual(written.toString(), target.toString());
    const html = await readUtf8(target);
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /D3\.7/);
  });

  await test('issue 18/10: a rule-doc link opens the rendered preview, not an editable file', async () => {
    const ds = await waitForDiagnostics(desc, (x) => (x.some((d) => codeOf(d) === 'missing-section') ? x : null));
    const href = ds.find((d) => codeOf(d) === 'missing-section').code.target;
    await vscode.commands.executeCommand('vscode.open', href);
    await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
      return tab && tab.input instanceof vscode.TabInputWebview && !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === href.toString());
    }, 'the preview of docs/rules/missing-section.md');
    await vscode.window.tabGroups.close(vscode.window.tabGroups.activeTabGroup.activeTab);
  });

  // Leave the Problems panel and the checklist view open for the launcher's screenshot.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const again = await vscode.workspace.openTextDocument(desc);
  await vscode.window.showTextDocument(again);
  await vscode.commands.executeCommand('cyberdossier.checklist.focus');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await waitForDiagnostics(again.uri, (ds) => ds.length > 0);
  // Hand over to the launcher for the screenshot, and wait until it has taken it.
  if (process.env.E2E_READY_FILE) {
    fs.writeFileSync(process.env.E2E_READY_FILE, 'ready');
    const t0 = Date.now();
    while (!fs.existsSync(process.env.E2E_SHOT_FILE) && Date.now() - t0 < 60000) await new Promise((r) => setTimeout(r, 100));
  }

  await require('./totals').run({ test, api, ws, waitForDiagnostics, waitForEvent, poll, codeOf });
  await require('./first-hour').run({ test, api, ws, waitForDiagnostics, waitForEvent, codeOf });
  // Last, because it kills the server: the client restarts it and checking goes on.
  await test('a server that dies is restarted by the client (up to its cap) and checks again', async () => {
    const client = api.client();
    const before = await client.sendRequest('cyberdossier/serverInfo');
    // The state is Running (2) now: wait for it to leave and come back.
    const stopped = waitForEvent(client.onDidChangeState, () => client.state !== 2, 'the server to stop');
    process.kill(before.pid, 'SIGKILL');
    await stopped;
    await waitForEvent(client.onDidChangeState, () => client.state === 2, 'the restarted server');
    const after = await client.sendRequest('cyberdossier/serverInfo');
    assert.notStrictEqual(after.pid, before.pid);
    const doc = await vscode.workspace.openTextDocument(desc);
    const ed = await vscode.window.showTextDocument(doc);
    await ed.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n## 9 重启后新增\n\n待补充\n'));
    await waitForDiagnostics(desc, (ds) => ds.some((d) => codeOf(d) === 'placeholder' && d.range.start.line >= doc.lineCount - 3));
  });

  const failed = results.filter((r) => r.startsWith('not ok')).length;
  const summary = `${results.length - failed} passed, ${failed} failed`;
  fs.writeFileSync(process.env.E2E_RESULT_FILE, `${results.join('\n')}\n${summary}\n`);
  if (failed) throw new Error(summary);
};
