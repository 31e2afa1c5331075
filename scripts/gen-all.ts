// Everything generated from the catalogue, by repository path.
import { allDocs } from './gen-docs';

export function generated(): Map<string, string> {
  return new Map([...allDocs()]);
}
