/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters of a 31-character alphabet
 * (the digits and the capital letters without I, O, Z, S, V), the last of which is a check character over
 * the first 17. Pure, so that the console's form and the API share one rule.
 */

/** The code's alphabet; a character's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

/** The weights of positions 1–17: 3^(i−1) mod 31. */
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const SHAPE = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{${CREDIT_CODE_LENGTH}}$`);

/** The check character of a code's first 17 characters (all of the alphabet): 31 − (Σ value·weight mod 31), 31 → 0. */
export const creditCodeCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
};

/** Why a string is not a credit code: its shape (length, characters) or its check character; undefined when it is one. */
export const creditCodeProblem = (code: string): 'shape' | 'check' | undefined => {
  if (!SHAPE.test(code)) return 'shape';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'check';
};

/** Whether a string is a valid 统一社会信用代码. */
export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === undefined;
