import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckCharacter,
  creditCodeProblem,
  isCreditCode,
} from '../../lib/providers/credit-code';

// Published codes of real companies (营业执照), and the standard's own example.
const KNOWN = [
  '91350100M000100Y43', // GB 32100-2015's example
  '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
  '91330100716105852F', // 阿里巴巴(中国)有限公司
  '91110108551385082Q', // 小米科技有限责任公司
  '91110000600037341L',
];

const code = fc
  .array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + creditCodeCheckCharacter(first17));

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    for (const c of KNOWN) expect(creditCodeProblem(c), c).toBeUndefined();
  });

  it('weights positions by 3^(i−1) mod 31 over an alphabet of 31 without I O Z S V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
    CREDIT_CODE_WEIGHTS.forEach((w, i) => expect(w).toBe(3 ** i % 31));
  });

  it('refuses every single-character corruption of a known code', () => {
    for (const c of KNOWN) {
      for (let i = 0; i < c.length; i++) {
        for (const other of CREDIT_CODE_ALPHABET) {
          if (other === c[i]) continue;
          const corrupted = c.slice(0, i) + other + c.slice(i + 1);
          expect(creditCodeProblem(corrupted), corrupted).toBe('check');
        }
      }
    }
  });

  it('refuses every single-character corruption of any code (property)', () => {
    fc.assert(
      fc.property(code, fc.nat(17), fc.constantFrom(...CREDIT_CODE_ALPHABET), (valid, i, other) => {
        expect(isCreditCode(valid)).toBe(true);
        fc.pre(other !== valid[i]);
        expect(isCreditCode(valid.slice(0, i) + other + valid.slice(i + 1))).toBe(false);
      }),
    );
  });

  it('refuses wrong lengths, lower case and letters outside the alphabet as malformed', () => {
    expect(creditCodeProblem('')).toBe('shape');
    expect(creditCodeProblem(KNOWN[0].slice(0, 17))).toBe('shape');
    expect(creditCodeProblem(`${KNOWN[0]}0`)).toBe('shape');
    expect(creditCodeProblem(KNOWN[1].toLowerCase())).toBe('shape');
    for (const c of 'IOZSV') expect(creditCodeProblem(`${c}${KNOWN[0].slice(1)}`)).toBe('shape');
    expect(creditCodeProblem(` ${KNOWN[0].slice(1)}`)).toBe('shape');
  });

  it('refuses any string that is not a code (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        if (isCreditCode(s)) expect(creditCodeCheckCharacter(s.slice(0, 17))).toBe(s[17]);
      }),
    );
  });
});
