// Where a JSON text first breaks RFC 8259: the SBOM reader's "not JSON at line L, column C" and
// the streamed vulnerability feeds (vulns/json.ts) both say it. Imports nothing, so the
// vulnerability readers the engine reaches share it without reaching the rest of sbom/.

/**
 * The offset of the first JSON syntax error (RFC 8259), or undefined when there is none; an
 * iterative scan (an explicit stack), so nesting depth costs no call stack.
 */
export function jsonErrorOffset(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  const stack: number[] = []; // 1 object, 2 array
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const isDigit = (c: number) => c >= 48 && c <= 57;
  /** A string at i (s[i] is a quote); false at the offending character. */
  const str = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 92) {
        const e = s[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(s[i + k] ?? '')) return (i += k), false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i += 1), false;
      } else i++;
    }
    return false;
  };
  const num = (): boolean => {
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else if (isDigit(s.charCodeAt(i))) while (isDigit(s.charCodeAt(i))) i++;
    else return false;
    if (s[i] === '.') {
      i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (!isDigit(s.charCodeAt(i))) return false;
      while (isDigit(s.charCodeAt(i))) i++;
    }
    return true;
  };
  /** A key and its colon inside an object; false at the offending character. */
  const key = (): boolean => {
    ws();
    if (s[i] !== '"' || !str()) return false;
    ws();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  for (;;) {
    // A value.
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') i++;
      else {
        if (!key()) return i;
        stack.push(1);
        continue;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') i++;
      else {
        stack.push(2);
        continue;
      }
    } else if (c === '"') {
      if (!str()) return i;
    } else if (c === '-' || isDigit(s.charCodeAt(i))) {
      if (!num()) return i;
    } else if (s.startsWith('true', i)) i += 4;
    else if (s.startsWith('false', i)) i += 5;
    else if (s.startsWith('null', i)) i += 4;
    else return i;
    // After a value: close containers, or go on after a comma.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (s[i] === ',') {
        i++;
        if (top === 1 && !key()) return i;
        break;
      }
      if ((top === 1 && s[i] === '}') || (top === 2 && s[i] === ']')) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
