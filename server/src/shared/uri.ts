// URI → path for the language server's adapters: a file URI is its path; anything else (an
// untitled buffer, a malformed URI) stays as it is, so it never names a file on disk.
import { URI } from 'vscode-uri';

export function pathOfUri(uri: string): string {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : uri;
  } catch {
    return uri;
  }
}
