// Runs INSIDE the VS Code extension host, in a workspace that is NOT trusted (Restricted Mode,
// issue 14). The workspace's .cyberdossierrc.yaml names an SBOM and ID patterns, and its
// .vscode/settings.json sets cyberdossier.ids. Until the folder is trusted: VS Code withholds the
// workspace value of cyberdossier.ids (restrictedConfigurations), the server does not apply the
// rc keys (an info-level config-invalid on each), and heading checks still run. Then the launcher
// grants trust through the Workspace Trust editor (a real click), and the SBOM comparison and the
// ID patterns apply. Waits on events, never on sleeps.
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
}

function waitFor(event, check, what, ms = 60000) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      if (sub) sub.dispose();
      reject(new Error(`timeout waiting for ${what}`));
    }, ms);
    const tryNow = () => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        if (sub) sub.dispose();
        resolve(v);
      }
      return v;
    };
    sub = event(() => void tryNow());
    tryNow();
  });
}
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cyberdossier');
const diagnosticsOf = (uri, check, what) => waitFor(vscode.languages.onDidChangeDiagnostics, () => check(ours(uri)), what);

exports.run = async function run() {
  const ws = vscode.workspace.workspaceFolders[0].uri;
  const desc = vscode.Uri.joinPath(ws, 'monitor', 'cybersecurity-description.md');
  const rc = vscode.Uri.joinPath(ws, 'monitor', '.cyberdossierrc.yaml');
  let editor;

  await test('the workspace is not trusted, and the extension still activates (untrustedWorkspaces: limited)', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(desc));
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'cyberdossier');
    await ext.activate();
    assert.ok(ext.isActive);
    assert.strictEqual(ext.packageJSON.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  await test('VS Code withholds the workspace value of a restricted setting (cyberdossier.ids)', async () => {
    const ids = vscode.workspace.getConfiguration('cyberdossier').get('ids');
    assert.deepStrictEqual(ids, {});
  });

  await test('the rc keys that name files or load patterns are not applied: an info on each, no SBOM comparison', async () => {
    const got = await diagnosticsOf(rc, (ds) => (ds.length === 2 ? ds : null), 'two infos on the rc file');
    assert.deepStrictEqual(
      got.map((d) => [d.range.start.line, d.severity, codeOf(d)]).sort(),
      [
        [1, vscode.DiagnosticSeverity.Information, 'config-invalid'],
        [2, vscode.DiagnosticSeverity.Information, 'config-invalid'],
      ],
    );
    assert.match(got[0].message, /Restricted Mode/);
    assert.ok(!ours(desc).some((d) => codeOf(d) === 'inconsistent-fact' || codeOf(d) === 'undefined-reference'), JSON.stringify(ours(desc).map(codeOf)));
  });

  await test('heading checks still run in Restricted Mode', async () => {
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('### 3.3 可追溯性分析报告'));
    assert.ok(line > 0);
    await editor.edit((b) => b.replace(new vscode.Range(line, 0, line, '### 3.3 可追溯性分析报告'.length), '### 3.3 追溯'));
    await diagnosticsOf(desc, (ds) => ds.some((d) => codeOf(d) === 'missing-section'), 'missing-section after renaming a heading');
    await vscode.commands.executeCommand('undo');
    await diagnosticsOf(desc, (ds) => !ds.some((d) => codeOf(d) === 'missing-section'), 'the heading back');
  });

  await test('trust granted in the Workspace Trust editor: the client tells the server, the SBOM and ID patterns apply', async () => {
    const granted = waitFor(vscode.workspace.onDidGrantWorkspaceTrust, () => vscode.workspace.isTrusted, 'trust to be granted', 90000);
    await vscode.commands.executeCommand('workbench.trust.manage');
    fs.writeFileSync(process.env.E2E_TRUST_FILE, 'ready'); // the launcher clicks "Trust"
    await granted;
    assert.strictEqual(vscode.workspace.isTrusted, true);
    await diagnosticsOf(desc, (ds) => ds.some((d) => codeOf(d) === 'inconsistent-fact'), 'the SBOM comparison (inconsistent-fact)');
    await diagnosticsOf(rc, (ds) => ds.length === 0, 'the infos on the rc file to go');
    assert.deepStrictEqual(vscode.workspace.getConfiguration('cyberdossier').get('ids'), { test: ['VT-\\d+'] });
  });

  const failed = results.filter((r) => r.startsWith('not ok')).length;
  const summary = `${results.length - failed} passed, ${failed} failed`;
  fs.writeFileSync(process.env.E2E_RESULT_FILE, `${results.join('\n')}\n${summary}\n`);
  if (failed) throw new Error(summary);
};
