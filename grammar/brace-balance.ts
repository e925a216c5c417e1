/**
 * The braces of a file, for recovery: whether a stray `{` or `}` is one
 * too many (a doubled brace) or belongs to a block. Built once per parse,
 * and only when recovery meets a stray brace.
 */
import type { IToken } from 'chevrotain';
import { LBrace, RBrace } from './tokens.js';

export class BraceBalance {
  /** Offsets of the file's braces, in order. */
  private readonly offsets: number[] = [];
  /** For each brace, how many more `}` than `{` there are from it to the end. */
  private readonly closesAfter: number[] = [];

  constructor(tokens: readonly IToken[]) {
    const kinds: number[] = [];
    for (const token of tokens) {
      if (token.tokenType === LBrace || token.tokenType === RBrace) {
        this.offsets.push(token.startOffset);
        kinds.push(token.tokenType === RBrace ? 1 : -1);
      }
    }
    let balance = 0;
    for (let i = kinds.length - 1; i >= 0; i--) {
      balance += kinds[i]!;
      this.closesAfter[i] = balance;
    }
  }

  /**
   * Whether the brace `token`, met where `open` blocks are open, is one too
   * many: after it, the file closes fewer blocks (`{`) or more (`}`) than
   * are open.
   */
  isExtra(token: IToken, open: number): boolean {
    const balance = this.closesFrom(token.startOffset);
    return token.tokenType === RBrace ? balance > open : balance < open;
  }

  /** Whether, from `token` to the end, the file closes more blocks than the `open` ones: a `{` is missing before it. */
  closesMore(token: IToken, open: number): boolean {
    return this.closesFrom(token.startOffset) > open;
  }

  /** How many more `}` than `{` there are from `offset` to the end. */
  private closesFrom(offset: number): number {
    let low = 0;
    let high = this.offsets.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.offsets[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low < this.offsets.length ? this.closesAfter[low]! : 0;
  }
}
