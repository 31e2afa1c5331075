#!/usr/bin/env node
// The fda-premarket-2025 corpus: every case folder here, checked by the shared harness.
//   node verify.mjs <path/to/cli.js> [case-name-substring ...]
import '../verify-corpus.mjs';
