// Everything generated from the catalogue, by repository path.
import { allDocs } from './gen-docs';
import { editorFiles } from './gen-editor';

/** `root`: the repository, to regenerate the parts of package.json that come from the catalogue. */
export function generated(root?: string): Map<string, string> {
  return new Map([...allDocs(), ...editorFiles(root)]);
}
