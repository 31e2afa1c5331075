// A worker thread that parses chunks (the same analyzeChunk as the main thread) so large
// documents parse on every core and the language server's main thread stays responsive.
import { parentPort } from 'node:worker_threads';
import { analyzeChunk } from './parse';

parentPort?.on('message', (msg: { id: number; texts: string[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, facts: msg.texts.map(analyzeChunk) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: String((e as Error)?.message ?? e) });
  }
});
