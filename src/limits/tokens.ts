import { Lexer, Source, TokenKind } from 'graphql';

/** Lexical tokens of a document, counted as graphql's parser counts them for `maxTokens` (comments excluded). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/** graphql's parser error when `maxTokens` stopped it (graphql 16 spells it "more that"). */
export const isTokenLimitError = (message: string) => /Document contains more tha[nt] \d+ tokens/.test(message);
