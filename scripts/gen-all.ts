// Everything generated from the catalogue, by repository path.
import { allDocs } from './gen-docs';
import { editorFiles } from './gen-editor';

export function generated(): Map<string, string> {
  return new Map([...allDocs(), ...editorFiles()]);
}
