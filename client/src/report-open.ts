// Where a written report opens (issue 18 item 8), free of the vscode module so it is unit-tested.
//
// A desktop window whose extension host runs on the same machine hands the HTML file to the
// system browser (vscode.env.openExternal of asExternalUri(file)). In a remote window (SSH, a
// container, the VS Code server, code-server) or in the browser the file lives on another
// machine: its file: URI reaches the user's browser as vscode-remote://…, which no browser opens
// (the web workbench sets location.href to it and nothing happens — the bug the issue saw). There
// the page is shown in a webview inside the workbench instead: the report is self-contained (no
// script, no request), so it renders the same, with a Content-Security-Policy that allows nothing
// but its inline styles and data: images.

export type ReportOpener = 'browser' | 'webview' | 'preview' | 'editor';

/** `remoteName`: vscode.env.remoteName; `web`: vscode.env.uiKind is UIKind.Web. */
export function reportOpener(format: 'html' | 'md' | 'csv', host: { remoteName: string | undefined; web: boolean }): ReportOpener {
  if (format === 'html') return host.remoteName || host.web ? 'webview' : 'browser';
  return format === 'md' ? 'preview' : 'editor';
}

/** The policy of the report's webview: its own inline styles and data: images, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The report's HTML with the webview's policy as the first element of its head. */
export function withReportCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return `${html.slice(0, head.index + head[0].length)}${meta}${html.slice(head.index + head[0].length)}`;
  return `${meta}${html}`;
}
